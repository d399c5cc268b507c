package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.api.CarrierEdgeClient;
import com.crosspoint.api.HttpJson;
import com.crosspoint.model.Carrier;
import com.crosspoint.testing.web.DashboardTestBase;
import com.crosspoint.testing.web.Screenshots;
import com.crosspoint.testing.SippCarrierTraffic;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin dashboard's Carriers view in headless Chromium against a real appliance: a carrier added and edited
 * with a write-only password, a bad host shown on its field, and taking one out of service (after the question)
 * takes it out of the route at once, and back; under real SIP load (SIPp as the PBX and the carriers) the live
 * figures show and a carrier taken out of service stops getting calls.
 */
class CarrierDashboardIT extends DashboardTestBase {
    private static CarrierEdgeClient edge;

    @BeforeAll
    static void start() {
        start(Map.of("router.port", "0", "router.customers", "127.0.0.1", "router.probeSeconds", "0"), pbx -> { });
        HttpJson http = new HttpJson("http://127.0.0.1:" + pbx.appliance().httpPort());
        edge = new CarrierEdgeClient(http, http.login("admin", "admin-secret"));
    }

    private static Carrier stored(String name) {
        return pbx.appliance().stores().carriers().findByName(name).orElseThrow();
    }

    @Test
    void adminAddsAndEditsACarrierAndItsPasswordIsNeverShown() {
        web.adminView("carriers");
        assertThat(browser.unlabelledControls()).as("inputs without a label on the Carriers view").isEmpty();

        browser.type("#carrier-name", "Northwind <b>Voice</b>");
        browser.type("#carrier-host", "bad host!");
        browser.click("#carrier-save");
        browser.awaitTextContains("#status", "Host");
        assertThat(browser.attribute("#carrier-host", "aria-invalid")).isEqualTo("true");

        browser.type("#carrier-host", "192.0.2.7");
        browser.type("#carrier-port", "5080");
        browser.find("#carrier-transport").sendKeys("TCP");
        browser.type("#carrier-username", "acme-trunk");
        browser.type("#carrier-password", "trunk-secret-77");
        browser.type("#carrier-tech-prefix", "#77");
        browser.type("#carrier-max-channels", "30");
        browser.click("#carrier-save");
        String row = "#carriers-table tr[data-name='Northwind <b>Voice</b>']";
        browser.awaitTextContains(row, "192.0.2.7:5080 TCP");
        assertThat(browser.text(row)).contains("Northwind <b>Voice</b>").as("a name is text, never markup")
                .contains("In service").contains("acme-trunk").contains("password set").contains("#77")
                .contains("30 channels");
        assertThat(browser.attribute(row + " .carrier-status .pill", "data-status")).isEqualTo("IN_SERVICE");
        assertThat(browser.all(row + " b")).isEmpty();
        Carrier added = stored("Northwind <b>Voice</b>");
        assertThat(added.credentials().password()).isEqualTo("trunk-secret-77");
        assertThat(added.transport().name()).isEqualTo("TCP");
        assertThat(browser.driver().getPageSource()).doesNotContain("trunk-secret-77");

        // edit: a new host, the password left empty is kept
        browser.click(row + " button.edit");
        assertThat(browser.find("#carrier-host").getAttribute("value")).isEqualTo("192.0.2.7");
        assertThat(browser.find("#carrier-password").getAttribute("value")).isEmpty();
        assertThat(browser.text("#carrier-password-hint")).contains("leave empty to keep it");
        browser.type("#carrier-host", "192.0.2.8");
        browser.click("#carrier-save");
        browser.awaitTextContains(row, "192.0.2.8:5080 TCP");
        Carrier edited = stored("Northwind <b>Voice</b>");
        assertThat(edited.host()).isEqualTo("192.0.2.8");
        assertThat(edited.credentials().password()).isEqualTo("trunk-secret-77");
        assertThat(edited.inService()).isTrue();
        Screenshots.save(browser, "web-admin-carriers.png");
        assertThat(browser.consoleMessages()).as("CSP violations or errors on the Carriers view")
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
    }

    @Test
    void takingACarrierOutOfServiceAsksFirstAndTheRouteDropsItUntilItIsBack() {
        long cheap = edge.createCarrier("Cheapest");
        long dear = edge.createCarrier("Dearer");
        String deck = "prefix,destination,rate,effective_from\n44,United Kingdom,%s,2020-01-01\n";
        assertThat(edge.importDeck(cheap, deck.formatted("0.0100")).path("state").asText()).isEqualTo("DONE");
        assertThat(edge.importDeck(dear, deck.formatted("0.0300")).path("state").asText()).isEqualTo("DONE");

        web.adminView("carriers");
        String row = "#carriers-table tr[data-carrier-id='" + cheap + "']";
        browser.awaitTextContains(row, "In service");

        browser.click(row + " button.service");
        browser.dismissConfirm();
        assertThat(stored("Cheapest").inService()).as("cancelled: nothing changes").isTrue();

        browser.click(row + " button.service");
        browser.acceptConfirm();
        browser.awaitTextContains(row, "Out of service");
        assertThat(browser.attribute(row + " .carrier-status .pill", "data-status")).isEqualTo("OUT_OF_SERVICE");
        assertThat(pbx.appliance().callRouter().carriers()).filteredOn(c -> c.id() == cheap)
                .extracting(Carrier::inService).containsExactly(false);
        assertThat(browser.text(row + " button.service")).isEqualTo("Put back in service");

        web.show("routes");
        browser.type("#route-number", "+442079460000");
        browser.click("#route-explain");
        String first = "#route-table tbody tr:first-child";
        browser.awaitTextContains(first, "Dearer");
        String dropped = "#route-table tr[data-carrier-id='" + cheap + "']";
        assertThat(browser.attribute(dropped, "class")).contains("excluded");
        assertThat(browser.text(dropped + " .route-rank")).isEqualTo("excluded");
        assertThat(browser.attribute(dropped + " li[data-floor='in service']", "data-passed")).isEqualTo("false");

        web.show("carriers");
        browser.click(row + " button.service");
        browser.acceptConfirm();
        browser.awaitTextContains(row, "In service");
        web.show("routes");
        browser.click("#route-explain");
        browser.awaitTextContains(first, "Cheapest");
    }

    @Test
    void underRealLoadTheFiguresShowAndACarrierOutOfServiceGetsNoMoreCalls() {
        String number = "+16175550100";
        int cheapPort = SippCarrierTraffic.carrierPort();
        int dearPort = SippCarrierTraffic.carrierPort();
        long cheap = edge.createCarrier("Loaded Cheap", cheapPort);
        long dear = edge.createCarrier("Loaded Dear", dearPort);
        String deck = "prefix,destination,rate,increment,effective_from\n1617555,Boston,%s,1/1,2020-01-01\n";
        assertThat(edge.importDeck(cheap, deck.formatted("0.0100")).path("state").asText()).isEqualTo("DONE");
        assertThat(edge.importDeck(dear, deck.formatted("0.0300")).path("state").asText()).isEqualTo("DONE");
        String cheapRow = "#carriers-table tr[data-carrier-id='" + cheap + "']";
        String dearRow = "#carriers-table tr[data-carrier-id='" + dear + "']";

        try (SippCarrierTraffic traffic = SippCarrierTraffic.start(pbx.appliance().routerPort(), number, 10,
                Duration.ofSeconds(3), cheapPort, dearPort)) {
            web.adminView("carriers");
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.text(cheapRow + " .carrier-asr").equals("100.0 %")
                    && Integer.parseInt(browser.text(cheapRow + " .carrier-live")) > 0
                    && Double.parseDouble(browser.text(cheapRow + " .carrier-cps")) >= 5);
            assertThat(browser.text(cheapRow + " .carrier-ner")).isEqualTo("100.0 %");
            assertThat(browser.text(cheapRow + " .carrier-pdd")).matches("0\\.\\d\\d s");
            assertThat(browser.text(cheapRow + " .carrier-acd")).matches("0:0[2-4]");
            assertThat(browser.text(cheapRow + " .carrier-mos")).as("no media passed the appliance").isEqualTo("—");
            // 0.01/min billed by the second: a 3 s call billed whole seconds costs a little more per minute of talk
            assertThat(Double.parseDouble(browser.text(cheapRow + " .carrier-cost"))).isBetween(0.0100, 0.0150);
            assertThat(browser.text(dearRow + " .carrier-live")).isEqualTo("0");
            assertThat(browser.text(dearRow + " .carrier-asr")).isEqualTo("—");
            Screenshots.save(browser, "web-admin-carriers-live.png");

            browser.click(cheapRow + " button.service");
            browser.acceptConfirm();
            browser.awaitTextContains(cheapRow, "Out of service");
            long cheapCalls = started(cheap);
            long dearCalls = started(dear);
            await().atMost(Duration.ofSeconds(30)).until(() -> started(dear) > dearCalls + 5
                    && Integer.parseInt(browser.text(dearRow + " .carrier-live")) > 0
                    && browser.text(cheapRow + " .carrier-live").equals("0"));
            assertThat(started(cheap)).as("no new call to the carrier out of service").isEqualTo(cheapCalls);

            browser.click(cheapRow + " button.service");
            browser.acceptConfirm();
            browser.awaitTextContains(cheapRow, "In service");
            await().atMost(Duration.ofSeconds(30)).until(() -> started(cheap) > cheapCalls);
        }
    }

    private static long started(long carrierId) {
        return pbx.appliance().callRouter().totals().of(carrierId).started();
    }
}
