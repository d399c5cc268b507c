package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.call.CallSnapshot;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.User;
import com.crosspoint.store.CdrStore;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.BaresipPhone.AnswerMode;
import com.crosspoint.testing.ReceivedMessage;
import com.crosspoint.testing.TestAppliance;
import com.crosspoint.testing.web.DashboardTestBase;
import com.crosspoint.testing.web.Dashboards;
import com.crosspoint.testing.web.Screenshots;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/** The end-user dashboard in headless Chromium against a real appliance, with real baresip phones. */
class UserDashboardIT extends DashboardTestBase {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOB_WEB_PASSWORD = "bob-web-password";

    private static User bob;

    @BeforeAll
    static void start() {
        start(pbx -> {
            pbx.user("1001", "Alice", "pw-alice-1001");
            bob = pbx.user("1002", "Bob", "pw-bob-1002");
            pbx.user("1003", "Carol", "pw-carol-1003");
            Dashboards.webPassword(pbx, bob, BOB_WEB_PASSWORD);
            Dashboards.webPassword(pbx, pbx.user("1004", "Dave", "pw-dave-1004"), "dave-first-password");
        });
    }

    @AfterEach
    void resetSettings() {
        pbx.settings(bob, CallSettings.defaults());
    }

    @Test
    void loginRefusesAWrongPasswordThenTheDashboardSurvivesAReloadAndLogoutEndsTheSession() {
        web.openLogin();
        Screenshots.save(browser, "web-login.png");
        browser.click("#login-kind-user");
        browser.type("#login-extension", "1002");
        browser.type("#login-password", "not-bobs-password");
        browser.type("#login-domain", TestAppliance.DOMAIN);
        browser.click("#login-submit");
        browser.visible("#login-error");
        assertThat(browser.text("#login-error")).isNotBlank();
        assertThat(browser.currentUrl()).isEqualTo(web.base() + "/");

        // The SIP password is not a web password.
        browser.type("#login-password", "pw-bob-1002");
        browser.click("#login-submit");
        await().atMost(WAIT).until(() -> browser.isDisplayed("#login-error"));
        assertThat(browser.currentUrl()).isEqualTo(web.base() + "/");

        assertThat(browser.unlabelledControls()).as("inputs without a label on the login page").isEmpty();
        web.loginUser("1002", BOB_WEB_PASSWORD);
        assertThat(browser.text("#whoami")).contains("Bob", "1002");
        assertThat(browser.unlabelledControls()).as("inputs without a label on the user dashboard").isEmpty();
        // The nav is made of buttons: the keyboard works it.
        browser.find("#nav-devices").sendKeys(Keys.ENTER);
        browser.visible("#view-devices");
        assertThat(browser.attribute("#nav-devices", "aria-current")).isEqualTo("page");
        assertThat(browser.isDisplayed("#view-calls")).isFalse();
        browser.reload();
        web.awaitDashboard("/user/");
        assertThat(browser.text("#whoami")).contains("Bob");

        browser.click("#logout");
        await().atMost(WAIT).until(() -> browser.currentUrl().equals(web.base() + "/"));
        browser.visible("#login-submit");
        browser.open(web.base() + "/user/");
        await().atMost(WAIT).until(() -> browser.currentUrl().equals(web.base() + "/"));
    }

    @Test
    void aUserChangesTheWebPasswordWithFieldErrorsOnTheWay() {
        web.loginUser("1004", "dave-first-password");
        web.show("settings");
        browser.type("#pw-current", "dave-first-password");
        browser.type("#pw-new", "short");
        browser.click("#pw-save");
        browser.awaitTextContains("#status", "New password (8 to 128 characters): ");
        assertThat(browser.attribute("#pw-new", "aria-invalid")).isEqualTo("true");

        browser.type("#pw-current", "not-the-password");
        browser.type("#pw-new", "dave-second-password");
        browser.click("#pw-save");
        browser.awaitTextContains("#status", "Current password: ");
        assertThat(browser.attribute("#pw-current", "aria-invalid")).isEqualTo("true");
        assertThat(browser.attribute("#pw-new", "aria-invalid")).isNull();

        browser.type("#pw-current", "dave-first-password");
        browser.type("#pw-new", "dave-second-password");
        browser.click("#pw-save");
        browser.awaitText("#status", "Password changed");
        assertThat(browser.attribute("#pw-current", "value")).isEmpty();

        web.loginUser("1004", "dave-second-password");
        assertThat(browser.text("#whoami")).contains("Dave");
    }

    @Test
    void theEventStreamReconnectsWithBackOffAndCatchesUpWithAFreshSnapshot() {
        String tracking = browser.trackWebSockets();
        try {
            web.loginUser("1002", BOB_WEB_PASSWORD);
            web.show("devices");
            String state = "#devices-table tr[data-device-id] .reg-state";
            browser.awaitText(state, "Not registered");
            browser.js("window.__noReload = 'same page';");
            int sockets = ((Number) browser.js("return window.__sockets.length;")).intValue();

            // The connection drops while the network is gone: the page says so and keeps retrying.
            browser.offline(true);
            browser.js("window.__sockets.at(-1).close();");
            browser.awaitText("#connection", "reconnecting");
            // The retries after 1 s and 2 s fail too (no network).
            await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5))
                    .until(() -> "reconnecting".equals(browser.text("#connection")));
            // Meanwhile Bob's phone registers: no frame can reach the page.
            try (BaresipPhone bobPhone = phone("1002", "pw-bob-1002", AnswerMode.AUTO, 975)) {
                bobPhone.awaitRegistered(WAIT);
                assertThat(browser.text(state)).isEqualTo("Not registered");
                browser.offline(false);
                // A new connection (1 s, 2 s, 4 s ... apart) brings a fresh snapshot with the registration.
                browser.awaitText("#connection", "live");
                browser.awaitText(state, "Registered");
                assertThat(((Number) browser.js("return window.__sockets.length;")).intValue()).isGreaterThan(sockets);
            }
            assertThat(browser.js("return window.__noReload;")).isEqualTo("same page");
        } finally {
            browser.offline(false);
            browser.stopTrackingWebSockets(tracking);
        }
    }

    @Test
    void aSessionEndedElsewhereSendsTheOpenDashboardBackToTheLoginPage() {
        web.loginUser("1002", BOB_WEB_PASSWORD);
        web.awaitDashboard("/user/");
        browser.awaitText("#connection", "live");
        String token = web.csrfToken();
        // As if the user signed out in another tab: the server closes the login's event stream at once
        // (1008), and the page, finding its session gone, returns to the login page without any event.
        Map<String, Object> logout = browser.fetch("POST", "/api/v1/web/logout", null, Map.of("X-CSRF-Token", token));
        assertThat(logout.get("status")).isEqualTo(204L);
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.currentUrl().equals(web.base() + "/"));
        browser.visible("#login-submit");
    }

    @Test
    void noAnswerForwardingSetInTheBrowserSendsARealCallToTheTarget() {
        web.loginUser("1002", BOB_WEB_PASSWORD);
        // After a reload the page gets its CSRF token back from GET /web/session: saving still works.
        browser.reload();
        web.awaitDashboard("/user/");
        web.show("settings");

        browser.type("#set-forward-no-answer", "1003");
        browser.type("#set-no-answer-seconds", "2");
        browser.click("#settings-save");
        browser.awaitTextContains("#status", "Ring for (seconds): ");
        assertThat(browser.text("#status")).doesNotContain("noAnswerSeconds");
        assertThat(browser.attribute("#set-no-answer-seconds", "aria-invalid")).isEqualTo("true");
        assertThat(browser.text("#set-no-answer-seconds-error")).isNotBlank();
        assertThat(settings().forwardNoAnswer()).as("nothing saved").isNull();

        browser.type("#set-no-answer-seconds", "5");
        browser.click("#settings-save");
        browser.awaitText("#status", "Saved");
        assertThat(browser.attribute("#set-no-answer-seconds", "aria-invalid")).isNull();
        assertThat(settings().forwardNoAnswer()).isEqualTo("1003");
        assertThat(settings().noAnswerSeconds()).isEqualTo(5);

        try (BaresipPhone alice = phone("1001", "pw-alice-1001", AnswerMode.AUTO, 440);
             BaresipPhone bobPhone = phone("1002", "pw-bob-1002", AnswerMode.MANUAL, 975);
             BaresipPhone carol = phone("1003", "pw-carol-1003", AnswerMode.AUTO, 1500)) {
            for (BaresipPhone p : List.of(alice, bobPhone, carol)) {
                p.awaitRegistered(WAIT);
            }
            alice.dial(pbx.uri("1002"));
            bobPhone.awaitEvent("CALL_INCOMING", WAIT);
            carol.awaitEvent("CALL_ESTABLISHED", WAIT);
            bobPhone.awaitEvent("CALL_CLOSED", WAIT);
            alice.awaitEvent("CALL_ESTABLISHED", WAIT);
            List<CallSnapshot> calls = pbx.appliance().activeCalls().list(pbx.tenant().id());
            assertThat(calls).hasSize(1);
            assertThat(calls.get(0).connectedTo()).isEqualTo("1003");
            alice.hangup();
            carol.awaitEvent("CALL_CLOSED", WAIT);
        }
        await().atMost(WAIT).until(() -> lastCdr() != null);
        CallRecord cdr = lastCdr();
        assertThat(cdr.caller()).isEqualTo("1001");
        assertThat(cdr.callee()).isEqualTo("1002");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);

        // The call is in Bob's history, without a reload (the page refreshes it when the call ends).
        web.show("calls");
        String row = "#calls-table tr[data-cdr-id='" + cdr.id() + "']";
        browser.awaitTextContains(row, "Answered");
        assertThat(browser.text(row)).contains("1001");
    }

    @Test
    void instantMessagesGoToARealPhoneAndItsReplyAppearsLiveAsUnreadUntilOpened() throws Exception {
        try (BaresipPhone carol = BaresipPhone.builder(pbx.uri("1003")).password("pw-carol-1003")
                .contact(pbx.uri("1002")).start()) {
            carol.awaitRegistered(WAIT);
            // No domain typed: the node's default tenant (the test tenant is the only one).
            web.loginUser("1002", BOB_WEB_PASSWORD, null);
            web.show("messages");
            browser.type("#msg-to", "1003");
            browser.type("#msg-body", "Hello Carol, this is Bob on the web");
            browser.click("#msg-send");
            await().atMost(WAIT).until(() -> carol.receivedMessages().stream().map(ReceivedMessage::text)
                    .anyMatch("Hello Carol, this is Bob on the web"::equals));
            browser.awaitTextContains("#message-thread li.message.mine .message-body", "Hello Carol, this is Bob on the web");
            browser.awaitTextContains("#status", "Carol (1003)");

            // Leave the conversation (still on the messages page) so the reply is not read at once.
            browser.click("#msg-new");
            browser.js("window.__noReload = 'same page';");
            carol.sendMessage(pbx.uri("1002"), "Hi Bob, from my desk phone");

            String item = "#conversations li[data-peer='1003']";
            browser.awaitText(item + " .unread-count", "1");
            browser.awaitText("#unread-total", "1");
            browser.awaitTextContains(item, "Hi Bob, from my desk phone");
            assertThat(browser.js("return window.__noReload;")).as("no reload").isEqualTo("same page");
            assertThat(unreadFromServer("1003")).isEqualTo(1);

            browser.click(item);
            browser.awaitTextContains("#message-thread li.message.theirs .message-body", "Hi Bob, from my desk phone");
            assertThat(browser.text("#message-thread li.message.theirs .message-from")).isEqualTo("Carol");
            browser.awaitText(item + " .unread-count", "");
            browser.awaitText("#unread-total", "");
            await().atMost(WAIT).until(() -> unreadFromServer("1003") == 0);
            assertThat(browser.all("#message-thread li.message")).hasSize(2);
            Screenshots.save(browser, "web-user-dashboard.png");

            // Phone width: one column, the page itself does not scroll sideways.
            browser.viewport(390, 844);
            try {
                browser.visible("#nav-calls");
                browser.visible("#msg-send");
                Number overflow = (Number) browser.js(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow.intValue()).as("horizontal overflow at 390 px").isLessThanOrEqualTo(0);
                Screenshots.save(browser, "web-user-phone-width.png");
            } finally {
                browser.size(1280, 900);
            }
        }
    }

    private static int unreadFromServer(String peer) throws Exception {
        Map<String, Object> answer = browser.fetch("GET", "/api/v1/me/conversations", null, null);
        assertThat(answer.get("status")).isEqualTo(200L);
        for (JsonNode c : JSON.readTree(answer.get("body").toString())) {
            if (peer.equals(c.get("peer").asText())) {
                return c.get("unread").asInt();
            }
        }
        throw new AssertionError("no conversation with " + peer + ": " + answer.get("body"));
    }

    private static CallSettings settings() {
        return pbx.appliance().directory().user(bob.id()).orElseThrow().settings();
    }

    private static CallRecord lastCdr() {
        List<CallRecord> cdrs = pbx.appliance().stores().cdrs().search(pbx.tenant().id(), CdrStore.CdrFilter.any(), 0, 1);
        return cdrs.isEmpty() ? null : cdrs.get(0);
    }

    private static BaresipPhone phone(String extension, String password, AnswerMode mode, double tone) {
        return BaresipPhone.builder(pbx.uri(extension)).password(password).answerMode(mode).tone(tone).start();
    }

    /** Issue 10: forwarding to a number nobody has was accepted silently; the calls then went nowhere. */
    @Test
    void forwardingToAnExtensionThatDoesNotExistIsRefusedInTheUsersWords() {
        web.loginUser("1002", BOB_WEB_PASSWORD);
        web.show("settings");
        browser.type("#set-forward-always", "1099");
        browser.click("#settings-save");
        browser.awaitTextContains("#status", "Always forward to: no user, auto-attendant menu or conference room has number 1099");
        assertThat(browser.attribute("#set-forward-always", "aria-invalid")).isEqualTo("true");
        assertThat(pbx.appliance().directory().user(bob.id()).orElseThrow().settings().forwardAlways()).isNull();

        browser.type("#set-forward-always", "1003");
        browser.click("#settings-save");
        browser.awaitText("#status", "Saved");
        assertThat(pbx.appliance().directory().user(bob.id()).orElseThrow().settings().forwardAlways()).isEqualTo("1003");
        browser.type("#set-forward-always", "");
        browser.click("#settings-save");
        browser.awaitText("#status", "Saved");
    }
}
