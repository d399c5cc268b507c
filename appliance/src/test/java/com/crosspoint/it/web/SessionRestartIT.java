package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.TestAppliance;
import com.crosspoint.testing.web.Browser;
import com.crosspoint.testing.web.Dashboards;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: restarting the appliance signed every web user out. Logins are kept in the data directory now: a user
 * and an admin stay signed in across a restart, and a logout stays a logout.
 */
class SessionRestartIT {

    private static Map<String, String> on(Path dataDir, Map<String, String> ports) {
        Map<String, String> o = new HashMap<>(ports);
        o.put("data.dir", dataDir.toString());
        return o;
    }

    @Test
    void signedInUsersStaySignedInAcrossARestartAndALogoutStaysALogout() {
        Map<String, String> ports = Map.of("http.port", Integer.toString(FreePorts.udpAndTcp()),
                "sip.port", Integer.toString(FreePorts.udpAndTcp()), "turn.port", "0", "router.port", "0");
        Browser browser = Browser.start();
        TestAppliance first = TestAppliance.start(ports);
        Path dataDir = first.dataDir();
        TestAppliance second = null;
        try {
            Dashboards.webPassword(first, first.user("4001", "Gina", "sip-pw-4001"), "gina-web-pass");
            Dashboards web = new Dashboards(first, browser);
            web.loginUser("4001", "gina-web-pass");
            String csrf = web.csrfToken();

            first.close();
            first = null;
            second = TestAppliance.start(on(dataDir, ports));
            Dashboards again = new Dashboards(second, browser);

            browser.reload();
            again.awaitDashboard("/user/");
            assertThat(browser.currentUrl()).startsWith(again.base() + "/user/");
            assertThat(browser.text("#whoami")).contains("Gina");
            assertThat(again.csrfToken()).as("the same CSRF token").isEqualTo(csrf);
            assertThat(browser.fetchStatus("PUT", "/api/v1/me/settings", "{\"doNotDisturb\":true}",
                    Map.of("X-CSRF-Token", csrf))).as("a change with the session after the restart").isEqualTo(200);

            browser.click("#logout");
            await().atMost(Browser.WAIT).until(() -> !browser.currentUrl().contains("/user/"));
            second.close();
            second = TestAppliance.start(on(dataDir, ports));
            browser.open(Dashboards.base(second) + "/user/");
            await().atMost(Browser.WAIT).until(() -> !browser.currentUrl().contains("/user/"));
            assertThat(browser.fetchStatus("GET", "/api/v1/web/session", null, null)).isEqualTo(401);
        } finally {
            Dashboards.closeAll(browser, first != null ? first : second);
        }
    }
}
