package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.TestAppliance;
import com.crosspoint.testing.web.DashboardTestBase;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a new admin met with users (issue 10): a user without a web password could never sign in, a user could
 * not be edited, creating one made no phone account, and nothing said what to type into the phone.
 */
class UserAccountsDashboardIT extends DashboardTestBase {

    @BeforeAll
    static void start() {
        start(pbx -> pbx.user("2001", "Carol", "sip-pw-2001")); // as the CLI makes them: no web password
    }

    @Test
    void anAdminGivesAUserWithoutAWebPasswordOneAndTheUserSignsIn() {
        web.adminView("users");
        browser.click("#users-table tr[data-extension='2001'] button.edit");
        assertThat(browser.attribute("#user-extension", "value")).isEqualTo("2001");
        browser.type("#user-web-password", "carol-web-pass");
        browser.click("#user-create");
        browser.awaitTextContains("#status", "new web password set");

        web.loginUser("2001", "carol-web-pass");
        assertThat(browser.text("#whoami")).contains("Carol");
    }

    @Test
    void anAdminEditsAUsersNameAndEmail() {
        web.adminView("users");
        browser.click("#users-table tr[data-extension='2001'] button.edit");
        browser.type("#user-name", "Carol Jones");
        browser.type("#user-email", "carol@example.com");
        browser.click("#user-create");
        browser.awaitTextContains("#users-table tr[data-extension='2001']", "Carol Jones");
        assertThat(browser.text("#users-table tr[data-extension='2001']")).contains("carol@example.com");
        assertThat(browser.text("#user-form-title")).isEqualTo("New user");
    }

    @Test
    void creatingAUserCreatesAPhoneAccountAndAPhoneRegistersWithWhatTheScreenShows() {
        web.adminView("users");
        browser.type("#user-extension", "2002");
        browser.type("#user-name", "Dave");
        assertThat(browser.driver().findElement(org.openqa.selenium.By.id("user-phone")).isSelected()).isTrue();
        browser.click("#user-create");
        browser.visible("#device-secret");
        String server = browser.text("#device-secret-server");
        String username = browser.text("#device-secret-username");
        String password = browser.text("#device-secret-password");
        assertThat(server).isEqualTo(pbx.sipHostPort());
        assertThat(browser.text("#device-secret-domain")).isEqualTo(TestAppliance.DOMAIN);
        assertThat(username).isEqualTo("2002");
        assertThat(browser.attribute("#device-secret-summary", "value"))
                .contains("SIP server: " + server).contains("User name: 2002").contains("Password: " + password);
        browser.click("#device-secret-copy");
        browser.awaitTextContains("#status", "copied");
        browser.awaitTextContains("#users-table tr[data-extension='2002']", "Dave");

        try (BaresipPhone phone = BaresipPhone.builder("sip:" + username + "@" + server).password(password).start()) {
            phone.awaitRegistered(Duration.ofSeconds(20));
        }
        browser.click("#device-secret-close");
        assertThat(browser.isDisplayed("#device-secret")).isFalse();
        assertThat(browser.textContent("#device-secret-password")).isEmpty();
    }
}
