package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.auth.PasswordHasher;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Role;
import com.crosspoint.model.User;
import com.crosspoint.store.CdrStore;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.web.DashboardTestBase;
import com.crosspoint.testing.web.Dashboards;
import com.crosspoint.testing.web.Screenshots;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The admin dashboard in headless Chromium against a real appliance, with real baresip phones. */
class AdminDashboardIT extends DashboardTestBase {
    private static final Duration WAIT = Duration.ofSeconds(20);


    @BeforeAll
    static void start() {
        start(pbx -> {
            pbx.user("2201", "Grace Caller", "pw-grace-2201");
            pbx.user("2202", "Heidi Callee", "pw-heidi-2202");
        });
    }

    @Test
    void adminCreatesAUserAndADeviceWhosePasswordIsShownOnceAndThePhoneRegistersLive() {
        web.adminView("users");
        browser.type("#user-extension", "2101");
        browser.type("#user-name", "Erin Example");
        browser.type("#user-email", "erin@example.com");
        browser.type("#user-web-password", "erin-web-pass-1");
        browser.check("#user-phone", false); // the device comes from the Devices view below
        browser.click("#user-create");
        browser.awaitTextContains("#users-table tr[data-extension='2101']", "Erin Example");
        assertThat(pbx.appliance().directory().userByExtension(pbx.tenant().id(), "2101")).isPresent();
        assertThat(browser.text("#status")).contains("2101");

        web.show("devices");
        new Select(browser.visible("#device-user")).selectByValue("2101");
        browser.click("#device-create");
        browser.visible("#device-secret");
        String sipUsername = browser.text("#device-secret-username");
        String sipPassword = browser.text("#device-secret-password");
        assertThat(sipUsername).isEqualTo("2101");
        assertThat(sipPassword).as("generated SIP password").hasSizeGreaterThanOrEqualTo(12);
        browser.awaitText("#devices-table tr[data-device-id] .reg-state", "Not registered");

        // Shown once: closing clears it, and nothing on the page or in the API gives it back.
        browser.click("#device-secret-close");
        assertThat(browser.isDisplayed("#device-secret")).isFalse();
        assertThat(browser.textContent("#device-secret-password")).isEmpty();
        browser.reload();
        web.awaitDashboard("/admin/");
        web.show("devices");
        browser.awaitElement("#devices-table tr[data-device-id]");
        assertThat(browser.isDisplayed("#device-secret")).isFalse();
        assertThat(browser.driver().getPageSource()).doesNotContain(sipPassword);
        Map<String, Object> devices = browser.fetch("GET", "/api/v1/tenants/" + pbx.tenant().id() + "/devices", null, null);
        assertThat(devices.get("status")).isEqualTo(200L);
        assertThat(devices.get("body").toString()).contains("\"2101\"").doesNotContain(sipPassword);

        // The user signs in with the web password the admin set and watches the device come online.
        web.loginUser("2101", "erin-web-pass-1");
        web.show("devices");
        String state = "#devices-table tr[data-device-id] .reg-state";
        browser.awaitText(state, "Not registered");
        browser.js("window.__noReload = 'still the same page';");
        try (BaresipPhone phone = BaresipPhone.builder(pbx.uri("2101")).authUser(sipUsername).password(sipPassword).start()) {
            phone.awaitRegistered(WAIT);
            browser.awaitText(state, "Registered");
            assertThat(browser.js("return window.__noReload;")).isEqualTo("still the same page");
        }
        // baresip unregisters when it quits: the page follows.
        browser.awaitText(state, "Not registered");
    }

    @Test
    void liveCallShowsUpAndTheAdminHangsItUpThenFindsItsRecordAndExportsIt() {
        web.adminView("live");
        try (BaresipPhone grace = BaresipPhone.builder(pbx.uri("2201")).password("pw-grace-2201").start();
             BaresipPhone heidi = BaresipPhone.builder(pbx.uri("2202")).password("pw-heidi-2202").tone(975).start()) {
            grace.awaitRegistered(WAIT);
            heidi.awaitRegistered(WAIT);
            browser.awaitElement("#live-registrations-table tr[data-extension='2201']");
            browser.awaitElement("#live-registrations-table tr[data-extension='2202']");
            assertThat(browser.text("#live-registrations-table tr[data-extension='2202']")).contains("Heidi Callee");
            // Phones on the appliance's own host: the NAT column says so (docs/nat.md).
            assertThat(browser.attribute("#live-registrations-table tr[data-extension='2202'] td.nat", "data-nat-kind"))
                    .isEqualTo("NONE");
            assertThat(browser.text("#live-registrations-table tr[data-extension='2202'] td.nat"))
                    .isEqualTo("no NAT, not anchored");

            grace.dial(pbx.uri("2202"));
            grace.awaitEvent("CALL_ESTABLISHED", WAIT);
            browser.awaitElement("#live-calls-table tr[data-call-id]");
            String callId = browser.attribute("#live-calls-table tr[data-call-id]", "data-call-id");
            browser.awaitTextContains("#live-calls-table tr[data-call-id]", "Answered");
            assertThat(browser.text("#live-calls-table tr[data-call-id]")).contains("2201", "2202", "Grace Caller");
            browser.awaitText("#stat-calls", "1");
            browser.awaitText("#stat-registered", "2");
            browser.awaitText("#stat-today", "1");
            Screenshots.save(browser, "web-admin-dashboard.png");

            // Dismissing the confirmation leaves the call alone.
            browser.click("#live-calls-table tr[data-call-id] .hangup");
            browser.dismissConfirm();
            assertThat(pbx.appliance().activeCalls().list(pbx.tenant().id())).hasSize(1);

            browser.click("#live-calls-table tr[data-call-id] .hangup");
            browser.acceptConfirm();
            grace.awaitEvent("CALL_CLOSED", WAIT);
            heidi.awaitEvent("CALL_CLOSED", WAIT);
            browser.awaitGone("#live-calls-table tr[data-call-id]");

            await().atMost(WAIT).until(() -> lastCdr() != null && callId.equals(lastCdr().callId()));
            web.show("cdrs");
            browser.type("#cdr-party", "2201");
            new Select(browser.visible("#cdr-disposition")).selectByValue("ANSWERED");
            browser.click("#cdr-search");
            browser.awaitTextContains("#cdr-table tbody tr[data-cdr-id]", "2202");
            assertThat(browser.all("#cdr-table tbody tr[data-cdr-id]")).hasSize(1);

            // A search that matches nothing says so.
            browser.type("#cdr-party", "2999");
            browser.click("#cdr-search");
            browser.awaitGone("#cdr-table tbody tr[data-cdr-id]");
            browser.type("#cdr-party", "2201");
            browser.click("#cdr-search");
            browser.awaitElement("#cdr-table tbody tr[data-cdr-id]");

            String export = browser.attribute("#cdr-export", "href");
            assertThat(export).contains("/api/v1/tenants/" + pbx.tenant().id() + "/cdrs/export?")
                    .contains("party=2201").contains("disposition=ANSWERED");
            Map<String, Object> csv = browser.fetch("GET", export, null, null);
            assertThat(csv.get("status")).as("export answer %s", csv).isEqualTo(200L);
            assertThat(csv.get("body").toString())
                    .startsWith("id,callId,caller,callee,startedAt,answeredAt,endedAt,disposition,hungUpBy,sipCause,durationSeconds")
                    .contains(callId);
        }
    }

    @Test
    void aNewSipPasswordIsShownOnceAndThePhoneRegistersWithIt() {
        pbx.user("2203", "Ivan Reset", "pw-ivan-old-2203");
        long deviceId = pbx.appliance().directory().deviceBySipUsername(pbx.tenant().id(), "2203").orElseThrow().id();
        web.adminView("devices");
        String row = "#devices-table tr[data-device-id='" + deviceId + "']";
        browser.awaitElement(row);
        browser.click(row + " .reset-password");
        browser.acceptConfirm();
        browser.visible("#device-secret");
        assertThat(browser.text("#device-secret-username")).isEqualTo("2203");
        String password = browser.text("#device-secret-password");
        assertThat(password).hasSizeGreaterThanOrEqualTo(12).isNotEqualTo("pw-ivan-old-2203");
        // Leaving the view forgets it.
        web.show("users");
        web.show("devices");
        assertThat(browser.isDisplayed("#device-secret")).isFalse();
        assertThat(browser.textContent("#device-secret-password")).isEmpty();
        try (BaresipPhone ivan = BaresipPhone.builder(pbx.uri("2203")).password(password).start()) {
            ivan.awaitRegistered(WAIT);
            browser.awaitText(row + " .reg-state", "Registered");
        }
    }

    @Test
    void deletingAUserAsksFirst() {
        User temp = pbx.user("2299", "Temporary", "pw-temp-2299");
        web.adminView("users");
        String row = "#users-table tr[data-extension='2299']";
        browser.awaitElement(row);

        browser.click(row + " .delete");
        browser.dismissConfirm();
        assertThat(browser.exists(row)).isTrue();
        assertThat(pbx.appliance().directory().user(temp.id())).isPresent();

        browser.click(row + " .delete");
        browser.acceptConfirm();
        browser.awaitGone(row);
        assertThat(pbx.appliance().directory().user(temp.id())).isEmpty();
    }

    @Test
    void superadminCreatesATenantAndCanSwitchToIt() {
        web.loginAdmin(Dashboards.ADMIN, Dashboards.ADMIN_PASSWORD);
        assertThat(browser.unlabelledControls()).as("inputs without a label on the admin dashboard").isEmpty();
        web.show("tenants");
        browser.type("#tenant-name", "Second Floor");
        browser.type("#tenant-domain", "second.crosspoint.local");
        browser.click("#tenant-create");
        browser.awaitTextContains("#tenants-table", "second.crosspoint.local");
        assertThat(pbx.appliance().directory().tenantByDomain("second.crosspoint.local")).isPresent();
        long id = pbx.appliance().directory().tenantByDomain("second.crosspoint.local").orElseThrow().id();

        Select tenants = new Select(browser.find("#tenant-select"));
        assertThat(tenants.getOptions()).extracting(WebElement::getText).anyMatch(t -> t.contains("Second Floor"));
        tenants.selectByValue(Long.toString(id));
        web.show("users");
        browser.awaitTextContains("#users-table", "No users yet.");
        // Back to the test tenant for the other tests (the choice is kept per browser tab).
        new Select(browser.find("#tenant-select")).selectByValue(Long.toString(pbx.tenant().id()));
        browser.awaitElement("#users-table tr[data-extension='2201']");
        List<String> errors = browser.consoleMessages().stream().filter(m -> m.contains("Content Security Policy")).toList();
        assertThat(errors).as("CSP violations in the admin dashboard").isEmpty();
    }

    @Test
    void anOperatorSeesOnlyTheLiveView() {
        pbx.appliance().stores().admins().create("watcher", PasswordHasher.hash("watcher-password"), Role.OPERATOR,
                pbx.tenant().id());
        try (BaresipPhone grace = BaresipPhone.builder(pbx.uri("2201")).password("pw-grace-2201").start()) {
            grace.awaitRegistered(WAIT);
            // /admin/ without a session: the login page, already set for an admin account.
            web.openLogin();
            browser.open(web.base() + "/admin/");
            await().atMost(WAIT).until(() -> browser.currentUrl().equals(web.base() + "/?kind=admin"));
            assertThat(browser.find("#login-kind-admin").isSelected()).isTrue();
            browser.type("#login-username", "watcher");
            browser.type("#login-password", "watcher-password");
            browser.click("#login-submit");
            web.awaitDashboard("/admin/");
            browser.visible("#view-live");
            browser.awaitElement("#live-registrations-table tr[data-extension='2201']");
            for (String view : List.of("users", "devices", "conferences", "cdrs", "tenants")) {
                assertThat(browser.isDisplayed("#nav-" + view)).as("nav " + view).isFalse();
            }
            // Even when asked for by the address, another view does not open.
            browser.open(web.base() + "/admin/#users");
            web.awaitDashboard("/admin/");
            assertThat(browser.isDisplayed("#view-live")).isTrue();
            assertThat(browser.isDisplayed("#view-users")).isFalse();
        }
    }

    private static CallRecord lastCdr() {
        List<CallRecord> cdrs = pbx.appliance().stores().cdrs().search(pbx.tenant().id(), CdrStore.CdrFilter.any(), 0, 1);
        return cdrs.isEmpty() ? null : cdrs.get(0);
    }
}
