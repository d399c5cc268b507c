package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.CarrierEdgeClient;
import com.crosspoint.api.HttpJson;
import com.crosspoint.testing.web.DashboardTestBase;
import com.crosspoint.testing.web.Screenshots;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin dashboard's Routes view in headless Chromium against a real appliance: a number explained lists the
 * cheapest carrier first with its score's parts and floors, a carrier without a rate excluded, and a number that
 * is no E.164 is shown on the field.
 */
class RouteDashboardIT extends DashboardTestBase {
    private static long cheap;
    private static long dear;
    private static long noRate;

    @BeforeAll
    static void start() {
        start(pbx -> { });
        HttpJson http = new HttpJson("http://127.0.0.1:" + pbx.appliance().httpPort());
        CarrierEdgeClient edge = new CarrierEdgeClient(http, http.login("admin", "admin-secret"));
        dear = edge.createCarrier("Dear Telecom");
        cheap = edge.createCarrier("Cheap Telecom");
        noRate = edge.createCarrier("France Only");
        String deck = "prefix,destination,rate,increment,effective_from\n44,United Kingdom,%s,60/60,2020-01-01\n";
        assertThat(edge.importDeck(dear, deck.formatted("0.0200")).path("state").asText()).isEqualTo("DONE");
        assertThat(edge.importDeck(cheap, deck.formatted("0.0125")).path("state").asText()).isEqualTo("DONE");
        assertThat(edge.importDeck(noRate, "prefix,rate,effective_from\n33,0.01,2020-01-01\n").path("state").asText())
                .isEqualTo("DONE");
    }

    @Test
    void explainingANumberShowsTheCheapestCarrierFirstWithTheScoreParts() {
        web.adminView("routes");
        assertThat(browser.unlabelledControls()).as("inputs without a label on the Routes view").isEmpty();

        browser.type("#route-number", "+4420 7946 0000");
        browser.click("#route-explain");
        browser.awaitTextContains("#status", "Number");
        assertThat(browser.attribute("#route-number", "aria-invalid")).isEqualTo("true");

        browser.type("#route-number", "+442079460000");
        browser.click("#route-explain");
        browser.awaitTextContains("#route-summary", "2 carriers to try");
        assertThat(browser.all("#route-table tbody tr")).hasSize(3);
        String first = "#route-table tbody tr:nth-child(1)";
        assertThat(browser.attribute(first, "data-carrier-id")).isEqualTo(String.valueOf(cheap));
        assertThat(browser.text(first + " .route-rank")).isEqualTo("1");
        assertThat(browser.text(first + " .route-rate")).contains("44 United Kingdom").contains("0.0125/min")
                .contains("60/60");
        assertThat(browser.text(first + " .score-price")).isEqualTo("1.000");
        assertThat(browser.text(first + " .score-quality")).contains("neutral");
        assertThat(browser.all(first + " .route-floors li")).isNotEmpty();
        assertThat(browser.all(first + " .route-floors li[data-passed='false']")).isEmpty();

        String second = "#route-table tbody tr:nth-child(2)";
        assertThat(browser.attribute(second, "data-carrier-id")).isEqualTo(String.valueOf(dear));
        assertThat(browser.text(second + " .route-rank")).isEqualTo("2");
        assertThat(Double.parseDouble(browser.text(second + " .score-price"))).isLessThan(1.0);
        assertThat(Double.parseDouble(browser.text(second + " .score-total")))
                .isLessThan(Double.parseDouble(browser.text(first + " .score-total")));

        String excluded = "#route-table tr[data-carrier-id='" + noRate + "']";
        assertThat(browser.text(excluded + " .route-rank")).isEqualTo("excluded");
        assertThat(browser.text(excluded + " .route-rate")).contains("no rate");
        assertThat(browser.all(excluded + " .route-floors li[data-passed='false']")).isNotEmpty();
        Screenshots.save(browser, "web-admin-routes.png");
    }
}
