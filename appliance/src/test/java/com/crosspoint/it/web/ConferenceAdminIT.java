package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.testing.web.DashboardTestBase;
import com.crosspoint.testing.web.Screenshots;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin dashboard's Conferences view in headless Chromium against a real appliance. */
class ConferenceAdminIT extends DashboardTestBase {
    @BeforeAll
    static void start() {
        start(pbx -> pbx.user("2301", "Ivan User", "pw-ivan-2301"));
    }

    @Test
    void adminCreatesEditsAndDeletesARoomAndAClashWithAUserIsShownOnTheField() {
        web.adminView("conferences");
        long tenant = pbx.tenant().id();
        assertThat(browser.unlabelledControls()).as("inputs without a label on the Conferences view").isEmpty();

        // a user's extension is refused, next to the number field
        browser.type("#conference-number", "2301");
        browser.click("#conference-save");
        browser.awaitTextContains("#status", "extension of a user");
        assertThat(browser.attribute("#conference-number", "aria-invalid")).isEqualTo("true");

        browser.type("#conference-number", "7800");
        browser.type("#conference-name", "Board room");
        browser.type("#conference-pin", "2468");
        browser.type("#conference-max", "12");
        browser.click("#conference-save");
        String room = "#conferences-table tr[data-number='7800']";
        browser.awaitTextContains(room, "Board room");
        assertThat(browser.text(room)).contains("PIN").contains("12");
        var stored = pbx.appliance().conferences().byNumber(tenant, "7800").orElseThrow();
        assertThat(stored.pinRequired()).isTrue();
        assertThat(pbx.appliance().conferences().checkPin(stored, "2468")).isTrue();
        assertThat(browser.driver().getPageSource()).doesNotContain("2468");

        // edit: a new name, the PIN left empty is kept
        browser.click(room + " button.edit");
        assertThat(browser.find("#conference-number").getAttribute("value")).isEqualTo("7800");
        browser.type("#conference-name", "Boardroom 2");
        browser.click("#conference-save");
        browser.awaitTextContains(room, "Boardroom 2");
        assertThat(pbx.appliance().conferences().byNumber(tenant, "7800").orElseThrow().pinRequired()).isTrue();

        // the participants panel of an empty room
        browser.click(room + " button.participants");
        browser.awaitTextContains("#participants-table", "Nobody");

        browser.click(room + " button.delete");
        browser.acceptConfirm();
        browser.awaitGone(room);
        assertThat(pbx.appliance().conferences().byNumber(tenant, "7800")).isEmpty();
        assertThat(browser.isDisplayed("#conference-participants")).isFalse();
        assertThat(browser.consoleMessages()).as("CSP violations on the Conferences view")
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
    }

    @Test
    void adminSeesWhoIsInARoomMutesOneAndRemovesAnother() {
        long tenant = pbx.tenant().id();
        var service = pbx.appliance().conferences();
        var room = service.create(tenant, "7900", "Stand-up", null, null);
        // participants put in through the service: the view shows whatever the bridge holds, calls or not
        var ann = service.join(room, "2301 Ivan User").orElseThrow();
        var ben = service.join(room, "2302 Judy Guest").orElseThrow();

        web.adminView("conferences");
        String row = "#conferences-table tr[data-number='7900']";
        browser.awaitText(row + " .conference-count", "2");
        browser.click(row + " button.participants");
        String annRow = "#participants-table tr[data-participant-id='" + ann.id() + "']";
        String benRow = "#participants-table tr[data-participant-id='" + ben.id() + "']";
        browser.awaitTextContains(annRow, "Ivan User");
        browser.awaitTextContains(benRow, "Judy Guest");

        browser.click(annRow + " button.mute");
        browser.awaitTextContains(annRow, "Muted");
        assertThat(ann.muted()).isTrue();
        assertThat(browser.attribute(annRow + " button.mute", "aria-pressed")).isEqualTo("true");
        Screenshots.save(browser, "web-admin-conferences.png");

        browser.click(benRow + " button.kick");
        browser.acceptConfirm();
        browser.awaitGone(benRow);
        assertThat(ben.kicked()).isTrue();
        assertThat(service.participants(tenant, room.id())).extracting(p -> p.id()).containsExactly(ann.id());
        browser.awaitText(row + " .conference-count", "1");
    }
}
