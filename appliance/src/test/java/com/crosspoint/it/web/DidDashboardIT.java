package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.HttpJson;
import com.crosspoint.testing.web.DashboardTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin dashboard's DIDs view in headless Chromium against a real appliance: DIDs added (one the main
 * number, then another taking that from it), a bad number shown on its field, edited and deleted after the
 * question; the API answers what the page shows.
 */
class DidDashboardIT extends DashboardTestBase {
    private static HttpJson http;
    private static String token;

    @BeforeAll
    static void start() {
        start(pbx -> {
            pbx.user("1001", "Alice", "pw-alice-1001");
            pbx.user("1002", "Bob", "pw-bob-1002");
        });
        http = new HttpJson("http://127.0.0.1:" + pbx.appliance().httpPort());
        token = http.login("admin", "admin-secret");
    }

    private static JsonNode storedDids() {
        return http.get("/api/v1/tenants/" + pbx.tenant().id() + "/dids", token).body();
    }

    @Test
    void adminAddsEditsAndDeletesDidsAndOneIsTheMainNumber() {
        web.adminView("dids");
        assertThat(browser.unlabelledControls()).as("inputs without a label on the DIDs view").isEmpty();

        browser.type("#did-number", "4155550100");
        browser.type("#did-extension", "1001");
        browser.click("#did-save");
        browser.awaitTextContains("#status", "Number");
        assertThat(browser.attribute("#did-number", "aria-invalid")).isEqualTo("true");

        browser.type("#did-number", "+14155550100");
        browser.check("#did-main", true);
        browser.click("#did-save");
        String alice = "#dids-table tr[data-number='+14155550100']";
        browser.awaitTextContains(alice, "1001");
        assertThat(browser.text(alice + " .did-main")).isEqualTo("Main");

        browser.type("#did-number", "+14155550101");
        browser.type("#did-extension", "1002");
        browser.check("#did-main", true);
        browser.click("#did-save");
        String bob = "#dids-table tr[data-number='+14155550101']";
        browser.awaitText(bob + " .did-main", "Main");
        browser.awaitText(alice + " .did-main", "");
        assertThat(storedDids().findValuesAsText("number")).containsExactly("+14155550100", "+14155550101");

        // edit: Alice's number now rings 1002
        browser.click(alice + " button.edit");
        assertThat(browser.find("#did-extension").getAttribute("value")).isEqualTo("1001");
        browser.type("#did-extension", "1002");
        browser.click("#did-save");
        browser.awaitText(alice + " .did-extension", "1002");
        assertThat(storedDids().get(0).get("extension").asText()).isEqualTo("1002");

        browser.click(bob + " button.delete");
        browser.dismissConfirm();
        assertThat(browser.exists(bob)).isTrue();
        browser.click(bob + " button.delete");
        browser.acceptConfirm();
        browser.awaitGone(bob);
        assertThat(storedDids().findValuesAsText("number")).containsExactly("+14155550100");
        assertThat(browser.consoleMessages()).as("CSP violations or errors on the DIDs view")
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
    }
}
