package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.CarrierEdgeClient;
import com.crosspoint.api.HttpJson;
import com.crosspoint.testing.HarnessFiles;
import com.crosspoint.testing.web.DashboardTestBase;
import com.crosspoint.testing.web.Screenshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin dashboard's Rate decks view in headless Chromium against a real appliance: a CSV chosen and uploaded
 * shows its import's progress up to done and becomes the carrier's deck (the router prices with it); a deck with
 * bad rows is rejected, lists each bad row by number, and leaves the current deck in place.
 */
class RateDeckDashboardIT extends DashboardTestBase {
    private static CarrierEdgeClient edge;

    @BeforeAll
    static void start() {
        start(pbx -> { });
        HttpJson http = new HttpJson("http://127.0.0.1:" + pbx.appliance().httpPort());
        edge = new CarrierEdgeClient(http, http.login("admin", "admin-secret"));
    }

    private static Path csv(String name, String content) throws IOException {
        Path file = HarnessFiles.tempDir("decks").resolve(name);
        Files.writeString(file, content);
        return file;
    }

    /** Picks the carrier in the view's select and waits for its deck to be shown. */
    private static void chooseCarrier(long id) {
        browser.find("#deck-carrier option[value='" + id + "']").click();
        browser.awaitElement("#deck-summary:not([hidden]), #deck-none:not([hidden])");
    }

    @Test
    void anUploadedDeckShowsItsProgressUpToDoneAndBecomesTheCarriersDeck() throws IOException {
        edge.createCarrier("Alpha Voice");
        long id = edge.createCarrier("Beta Voice");
        Path deck = csv("beta-2026-03.csv", """
                prefix,destination,rate,increment,effective_from,effective_until
                44,United Kingdom,0.0125,60/60,2020-01-01,
                4420,"London, fixed",0.008,1/1,2020-01-01,
                33,France,0.011,60/60,2020-01-01,
                """);

        web.adminView("rate-decks");
        assertThat(browser.unlabelledControls()).as("inputs without a label on the Rate decks view").isEmpty();
        chooseCarrier(id);
        assertThat(browser.isDisplayed("#deck-none")).as("no deck yet").isTrue();
        assertThat(browser.isDisplayed("#deck-import")).isFalse();

        browser.find("#deck-file").sendKeys(deck.toAbsolutePath().toString());
        browser.click("#deck-upload");
        browser.awaitText("#deck-state", "Done");
        assertThat(browser.attribute("#deck-state", "data-state")).isEqualTo("DONE");
        assertThat(browser.attribute("#deck-progress", "value")).isEqualTo("100");
        assertThat(browser.text("#deck-percent")).isEqualTo("100 %");
        assertThat(browser.text("#deck-outcome")).contains("beta-2026-03.csv").contains("3 rows imported");
        assertThat(browser.isDisplayed("#deck-errors")).isFalse();

        browser.awaitText("#deck-rows", "3");
        assertThat(browser.text("#deck-source")).isEqualTo("beta-2026-03.csv");
        assertThat(browser.text("#deck-prefixes")).isEqualTo("3");
        assertThat(browser.text("#deck-effective")).isEqualTo("2020-01-01 to open-ended");
        assertThat(pbx.appliance().callRouter().explain("+442071234567", Instant.now()).candidates())
                .filteredOn(c -> c.carrier().id() == id).singleElement()
                .satisfies(c -> assertThat(c.rate().prefix()).isEqualTo("4420"));
        Screenshots.save(browser, "web-admin-rate-decks.png");
    }

    @Test
    void aDeckWithBadRowsIsRejectedWithEachRowAndTheCurrentDeckStays() throws IOException {
        long id = edge.createCarrier("Gamma Voice");
        assertThat(edge.importDeck(id, "prefix,rate,effective_from\n49,0.02,2020-01-01\n").path("state").asText())
                .isEqualTo("DONE");
        Path bad = csv("gamma-bad.csv", """
                prefix,destination,rate,effective_from
                44,UK,0.02,2020-01-01
                4420,London,abc,2020-01-01
                33,France,0.03,2020-01-01
                4x,<img src=x>,0.01,2020-01-01
                """);

        web.adminView("rate-decks");
        chooseCarrier(id);
        browser.awaitText("#deck-rows", "1");

        browser.find("#deck-file").sendKeys(bad.toAbsolutePath().toString());
        browser.click("#deck-upload");
        browser.awaitText("#deck-state", "Rejected");
        assertThat(browser.attribute("#deck-state", "data-state")).isEqualTo("REJECTED");
        assertThat(browser.text("#deck-outcome")).contains("rejected").contains("current deck stays");
        assertThat(browser.all("#deck-errors li")).hasSize(2);
        assertThat(browser.text("#deck-errors li:nth-child(1)")).startsWith("row 3:").contains("abc");
        assertThat(browser.text("#deck-errors li:nth-child(2)")).startsWith("row 5:");
        assertThat(browser.all("#deck-errors img")).isEmpty();
        assertThat(browser.text("#status")).contains("rejected");
        // nothing of it was imported
        assertThat(browser.text("#deck-rows")).isEqualTo("1");
        assertThat(pbx.appliance().callRouter().explain("+33123456", Instant.now()).candidates())
                .filteredOn(c -> c.carrier().id() == id).singleElement()
                .satisfies(c -> assertThat(c.rate()).isNull());
        Screenshots.save(browser, "web-admin-rate-deck-rejected.png");
    }
}
