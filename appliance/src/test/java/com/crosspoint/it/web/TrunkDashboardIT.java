package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.OptionsResponder;
import com.crosspoint.testing.web.DashboardTestBase;
import com.crosspoint.testing.web.Screenshots;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin dashboard's Trunks view in headless Chromium against a real appliance whose health checks run every
 * second: a call router that answers OPTIONS with 200 shows up, one that answers 503 shows down, and so does a
 * gateway that never answers (within the response timeout, not when the transaction gives up 32 s later).
 */
class TrunkDashboardIT extends DashboardTestBase {
    private static OptionsResponder router;
    private static OptionsResponder overloadedRouter;
    private static int silentGateway;

    @BeforeAll
    static void start() {
        router = OptionsResponder.start(200);
        overloadedRouter = OptionsResponder.start(503);
        silentGateway = FreePorts.udpAndTcp(); // nothing listens there
        start(Map.of("trunk.routers", "127.0.0.1:" + router.port() + ",127.0.0.1:" + overloadedRouter.port(),
                "trunk.gateways", "+1212=127.0.0.1:" + silentGateway,
                "trunk.probeSeconds", "1", "trunk.failuresToDown", "1", "trunk.responseTimeoutSeconds", "1"),
                pbx -> { });
    }

    @AfterAll
    static void stopTrunkServers() {
        router.close();
        overloadedRouter.close();
    }

    @Test
    void trunksShowTheirRoleAddressAndWhetherTheyAnswer() {
        web.adminView("trunks");
        String up = "#trunks-table tr[data-address='127.0.0.1:" + router.port() + "']";
        String down = "#trunks-table tr[data-address='127.0.0.1:" + overloadedRouter.port() + "']";
        String gateway = "#trunks-table tr[data-address='127.0.0.1:" + silentGateway + "']";
        browser.awaitText(down + " .trunk-state", "Down");
        browser.awaitText(gateway + " .trunk-state", "Down");
        assertThat(router.answered()).as("health checks reached the router that answers").isPositive();
        assertThat(browser.text(up + " .trunk-state")).isEqualTo("Up");
        assertThat(browser.attribute(up + " .trunk-state .pill", "data-up")).isEqualTo("true");
        assertThat(browser.attribute(up, "data-role")).isEqualTo("router");
        assertThat(browser.text(up)).contains("Call router").contains("UDP");
        assertThat(browser.attribute(gateway, "data-role")).isEqualTo("gateway");
        assertThat(browser.text(gateway + " .trunk-prefix")).isEqualTo("starting +1212");
        assertThat(browser.all("#trunks-table tbody tr")).hasSize(3);
        Screenshots.save(browser, "web-admin-trunks.png");
    }
}
