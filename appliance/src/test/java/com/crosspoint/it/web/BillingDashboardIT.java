package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.HttpJson;
import com.crosspoint.api.HttpJson.Res;
import com.crosspoint.testing.web.DashboardTestBase;
import com.crosspoint.testing.web.Screenshots;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin dashboard's Billing and Rate plans views in headless Chromium against a real appliance (issue 14,
 * faces): the provider creates a plan and its rates (a negative price is shown at that row's input and nothing is
 * stored), opens a prepaid account, tops it up and sees the line on the ledger with who and why, and downloads the
 * month's statement as CSV and as PDF holding it; a tenant's admin reads its account and plans without a way to
 * change them, and may freeze the account but not thaw it.
 */
class BillingDashboardIT extends DashboardTestBase {
    private static final String BERLIN = "Europe/Berlin";
    private static HttpJson http;
    private static String provider;

    @BeforeAll
    static void start() {
        start(pbx -> { });
        http = new HttpJson("http://127.0.0.1:" + pbx.appliance().httpPort());
        provider = http.login("admin", "admin-secret");
    }

    private static String billing(long tenantId) {
        return "/api/v1/tenants/" + tenantId + "/billing";
    }

    private static JsonNode ok(Res r) {
        assertThat(r.status()).as(r.raw().body()).isBetween(200, 201);
        return r.body();
    }

    /** Types a rate into editor row n (0-based), each field by its id rate-N-field. */
    private static void typeRate(int n, String prefix, String description, String price, String increment, String from) {
        browser.type("#rate-" + n + "-prefix", prefix);
        browser.type("#rate-" + n + "-description", description);
        browser.type("#rate-" + n + "-pricePerMinute", price);
        browser.type("#rate-" + n + "-increment", increment);
        browser.type("#rate-" + n + "-effectiveFrom", from);
    }

    @Test
    void theProviderSetsUpAPlanAndAnAccountTopsItUpAndDownloadsTheStatement() throws Exception {
        long tenantId = pbx.tenant().id();
        web.adminView("plans");
        browser.type("#plan-name", "Retail <i>EU</i>");
        browser.type("#plan-currency", "EUR");
        browser.type("#plan-time-zone", "Mars/Base");
        browser.click("#plan-create");
        browser.awaitTextContains("#status", "Time zone");
        assertThat(browser.attribute("#plan-time-zone", "aria-invalid")).isEqualTo("true");
        browser.type("#plan-time-zone", BERLIN);
        browser.click("#plan-create");
        String planRow = "#plans-table tr[data-name='Retail <i>EU</i>']";
        browser.awaitTextContains(planRow, BERLIN);
        assertThat(browser.all(planRow + " i")).as("a name is text, never markup").isEmpty();
        browser.visible("#rates-form");
        browser.awaitTextContains("#rates-title", "Retail <i>EU</i>");

        // two rates, the second with a negative price: shown at that row's price, nothing stored
        typeRate(0, "49", "Germany", "0.10", "60/60", "2020-01-01");
        browser.click("#rate-add");
        typeRate(1, "4930", "Berlin", "-0.05", "1/1", "2020-01-01");
        browser.click("#rates-save");
        browser.awaitTextContains("#status", "Price per minute of rate 2");
        assertThat(browser.attribute("#rate-1-pricePerMinute", "aria-invalid")).isEqualTo("true");
        assertThat(browser.text("#rate-1-pricePerMinute-error")).contains("negative").doesNotContain("[1]");
        assertThat(browser.attribute("#rate-0-pricePerMinute", "aria-invalid")).isNull();
        JsonNode plans = ok(http.get(billing(tenantId) + "/plans", provider));
        long planId = plans.get(0).get("id").asLong();
        String rates = billing(tenantId) + "/plans/" + planId + "/rates";
        assertThat(ok(http.get(rates, provider))).as("a refused set stores nothing").isEmpty();

        browser.type("#rate-1-pricePerMinute", "0.05");
        browser.click("#rates-save");
        browser.awaitTextContains("#status", "2 rates of Retail <i>EU</i> saved");
        JsonNode stored = ok(http.get(rates, provider));
        assertThat(stored).hasSize(2);
        assertThat(stored.findValuesAsText("prefix")).containsExactlyInAnyOrder("49", "4930");
        assertThat(stored.findValuesAsText("increment")).containsExactlyInAnyOrder("60/60", "1/1");
        assertThat(browser.find("#rate-0-prefix").getAttribute("value")).isIn("49", "4930");
        assertThat(browser.unlabelledControls()).as("inputs without a label on the Rate plans view").isEmpty();
        Screenshots.save(browser, "web-admin-rate-plans.png");

        // the account, then a top-up that the ledger shows with who and why
        web.show("billing");
        browser.visible("#billing-none");
        browser.find("#billing-account-kind").sendKeys("Prepaid");
        browser.type("#billing-account-warning", "2.00");
        browser.type("#billing-account-max-calls", "5");
        browser.type("#billing-account-blocked", "881, 1900");
        browser.click("#billing-account-save");
        browser.awaitText("#status", "Account opened");
        assertThat(browser.text("#billing-kind")).isEqualTo("Prepaid");
        assertThat(browser.text("#billing-balance")).isEqualTo("0 EUR");
        assertThat(browser.text("#billing-limits")).contains("5 calls at once").contains("blocked: 881, 1900");
        assertThat(ok(http.get(billing(tenantId) + "/account", provider)).get("planId").asLong()).isEqualTo(planId);

        browser.type("#billing-post-amount", "12.50");
        browser.click("#billing-post-save");
        browser.awaitTextContains("#status", "Reason");
        assertThat(browser.attribute("#billing-post-reason", "aria-invalid")).isEqualTo("true");
        browser.type("#billing-post-reason", "receipt 4711");
        browser.click("#billing-post-save");
        browser.awaitText("#status", "Top-up of 12.5 EUR posted");
        String topUp = "#billing-ledger-table tr[data-kind='TOP_UP']";
        assertThat(browser.text(topUp + " .ledger-amount")).isEqualTo("12.5 EUR");
        assertThat(browser.text(topUp + " .ledger-actor")).isEqualTo("admin");
        assertThat(browser.text(topUp + " .ledger-reason")).isEqualTo("receipt 4711");
        assertThat(browser.text("#billing-balance")).isEqualTo("12.5 EUR");
        assertThat(browser.unlabelledControls()).as("inputs without a label on the Billing view").isEmpty();
        Screenshots.save(browser, "web-admin-billing.png");

        // this month's statement, downloaded as the links give it
        String month = YearMonth.now(ZoneId.of(BERLIN)).toString();
        String statement = "#billing-statements-table tr[data-month='" + month + "']";
        browser.awaitElement(statement);
        String csvLink = browser.attribute(statement + " a.csv", "href");
        assertThat(csvLink).endsWith(billing(tenantId) + "/statements/" + month + "?format=csv");
        Map<String, Object> csv = browser.fetch("GET", csvLink, null, null);
        assertThat(csv.get("status")).as("CSV answer %s", csv).isEqualTo(200L);
        assertThat(csv.get("body").toString()).contains("receipt 4711").contains("12.5");
        byte[] pdf = download(browser.attribute(statement + " a.pdf", "href"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("receipt 4711").contains("12.5");
        }
        assertThat(browser.consoleMessages()).as("CSP violations or errors on the billing views")
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
    }

    /** The bytes of a same-origin GET from the page (its session cookie), e.g. a PDF. */
    private static byte[] download(String url) {
        Object base64 = browser.asyncJs("""
                const [url, done] = arguments;
                fetch(url, {credentials: 'same-origin'})
                  .then(r => r.ok ? r.arrayBuffer() : Promise.reject(new Error('status ' + r.status)))
                  .then(b => { let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); })
                  .catch(e => done('error: ' + e.message));
                """, url);
        assertThat(base64.toString()).as("download of %s", url).doesNotStartWith("error");
        return Base64.getDecoder().decode(base64.toString());
    }

    @Test
    void aTenantAdminReadsItsAccountAndPlansAndMayFreezeButNotThaw() {
        long tenantId = ok(http.post("/api/v1/tenants", provider, "{\"name\":\"Reader Co\",\"domain\":\"reader.test\"}"))
                .get("id").asLong();
        ok(http.post("/api/v1/admins", provider, "{\"username\":\"reader-admin\",\"password\":\"reader-admin-pw\","
                + "\"role\":\"ADMIN\",\"tenantId\":" + tenantId + "}"));
        long planId = ok(http.post(billing(tenantId) + "/plans", provider,
                "{\"name\":\"Basic\",\"currency\":\"USD\",\"timeZone\":\"America/New_York\"}")).get("id").asLong();
        ok(http.put(billing(tenantId) + "/plans/" + planId + "/rates", provider, "[{\"prefix\":\"1\",\"description\":"
                + "\"North America\",\"pricePerMinute\":\"0.02\",\"increment\":\"6/6\",\"effectiveFrom\":\"2020-01-01\"}]"));
        ok(http.put(billing(tenantId) + "/account", provider, "{\"kind\":\"POSTPAID\",\"currency\":\"USD\",\"planId\":"
                + planId + ",\"creditLimit\":\"50\"}"));

        web.loginAdmin("reader-admin", "reader-admin-pw");
        web.show("plans");
        assertThat(browser.isDisplayed("#plan-form")).as("only the provider creates plans").isFalse();
        String planRow = "#plans-table tr[data-plan-id='" + planId + "']";
        browser.awaitTextContains(planRow, "America/New_York");
        assertThat(browser.all(planRow + " button.delete")).isEmpty();
        browser.click(planRow + " button.rates");
        browser.visible("#rates-form");
        assertThat(browser.find("#rate-0-increment").getAttribute("value")).isEqualTo("6/6");
        assertThat(browser.attribute("#rate-0-pricePerMinute", "readonly")).isNotNull();
        assertThat(browser.isDisplayed("#rates-save")).isFalse();
        assertThat(browser.isDisplayed("#rate-add")).isFalse();

        web.show("billing");
        browser.awaitText("#billing-kind", "Postpaid");
        assertThat(browser.text("#billing-credit")).isEqualTo("50 USD");
        assertThat(browser.text("#billing-available")).isEqualTo("50 USD");
        assertThat(browser.isDisplayed("#billing-account-form")).isFalse();
        assertThat(browser.isDisplayed("#billing-post-form")).isFalse();

        browser.click("#billing-freeze");
        browser.acceptConfirm();
        browser.awaitText("#status", "Account frozen");
        assertThat(browser.attribute("#billing-state", "data-frozen")).isEqualTo("true");
        assertThat(ok(http.get(billing(tenantId) + "/account", provider)).get("frozen").asBoolean()).isTrue();
        assertThat(browser.isDisplayed("#billing-freeze")).as("only the provider thaws").isFalse();
    }
}
