package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.model.AttendantMenu;
import com.crosspoint.model.MenuOption;
import com.crosspoint.testing.web.DashboardTestBase;
import com.crosspoint.testing.web.Screenshots;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/** The admin dashboard's auto-attendant view in headless Chromium against a real appliance. */
class AttendantAdminIT extends DashboardTestBase {
    @BeforeAll
    static void start() {
        start(pbx -> pbx.user("1002", "Bob", "pw-bob-1002"));
    }

    @Test
    void adminCreatesAMenuWhoseKey2RingsAnExtensionThenEditsAndDeletesIt() {
        web.adminView("menus");
        assertThat(browser.unlabelledControls()).as("inputs without a label").isEmpty();
        browser.type("#menu-number", "700");
        browser.type("#menu-name", "Reception");
        new Select(browser.visible("#menu-option-2-action")).selectByValue("EXTENSION");
        browser.type("#menu-option-2-target", "1002");
        browser.click("#menu-save");

        String row = "#menus-table tr[data-number='700']";
        browser.awaitTextContains(row, "2 → 1002");
        assertThat(browser.text(row)).contains("Reception");
        AttendantMenu stored = pbx.appliance().attendant().byNumber(pbx.tenant().id(), "700").orElseThrow();
        assertThat(stored.options()).containsExactly(MenuOption.extension('2', "1002"));
        assertThat(stored.greeting()).isEqualTo(AttendantMenu.DEFAULT_GREETING);

        // A bad target is refused next to its input, in the user's words (issue 10: not "options[1].extension").
        browser.click(row + " button.edit");
        browser.awaitText("#menu-save", "Save menu");
        Screenshots.save(browser, "web-admin-menus.png");
        new Select(browser.visible("#menu-option-star-action")).selectByValue("VOICEMAIL");
        browser.type("#menu-option-star-target", "4711");
        browser.click("#menu-save");
        browser.awaitTextContains("#status", "Target of key *: ");
        assertThat(browser.text("#status")).doesNotContain("options[");
        assertThat(browser.attribute("#menu-option-star-target", "aria-invalid")).isEqualTo("true");
        browser.type("#menu-option-star-target", "1002");
        browser.click("#menu-save");
        browser.awaitTextContains(row, "* → voicemail 1002");
        assertThat(pbx.appliance().attendant().byNumber(pbx.tenant().id(), "700").orElseThrow().options())
                .containsExactlyInAnyOrder(MenuOption.extension('2', "1002"), MenuOption.voicemail('*', "1002"));

        browser.js("window.confirm = () => true;");
        browser.click(row + " button.delete");
        browser.awaitTextContains("#menus-table", "No menus yet.");
        assertThat(pbx.appliance().attendant().list(pbx.tenant().id())).isEqualTo(List.of());
    }
}
