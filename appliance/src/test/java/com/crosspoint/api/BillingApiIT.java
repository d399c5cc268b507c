package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.HttpJson.Res;
import com.crosspoint.billing.Authorisation;
import com.crosspoint.billing.Billing;
import com.crosspoint.billing.CallStart;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import com.crosspoint.model.User;
import com.crosspoint.testing.TestAppliance;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The billing resources over HTTP on a real appliance (issue 14): a plan and its rates with every bad value refused
 * naming its field and nothing half-stored, an account opened, topped up and adjusted with an audited ledger, who may
 * do what (a tenant's admin may freeze but not thaw or top up), a rated call on the monthly statement as JSON, CSV
 * and PDF that reconcile to the cent, and a re-rating after a price correction that is on the statement too.
 */
class BillingApiIT {
    private static final String BERLIN = "Europe/Berlin";
    private static TestAppliance pbx;
    private static HttpJson http;
    private static String admin;
    private static String tenantAdmin;
    private static String base;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start(Map.of());
        http = new HttpJson("http://127.0.0.1:" + pbx.appliance().httpPort());
        admin = http.login("admin", "admin-secret");
        Res acct = http.post("/api/v1/admins", admin, "{\"username\":\"bill-admin\",\"password\":\"bill-admin-pw\","
                + "\"role\":\"ADMIN\",\"tenantId\":" + pbx.tenant().id() + "}");
        assertThat(acct.status()).as(acct.raw().body()).isEqualTo(201);
        tenantAdmin = http.login("bill-admin", "bill-admin-pw");
        base = "/api/v1/tenants/" + pbx.tenant().id() + "/billing";
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    private static String rate(String prefix, String price, String increment, String from) {
        return "{\"prefix\":\"" + prefix + "\",\"description\":\"Germany\",\"pricePerMinute\":\"" + price
                + "\",\"connectionFee\":\"0.05\",\"increment\":\"" + increment + "\",\"effectiveFrom\":\"" + from + "\"}";
    }

    private static void assertRefused(Res r, String field) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(400);
        assertThat(r.field()).as(r.raw().body()).isEqualTo(field);
    }

    @Test
    void aPlanAnAccountARatedCallAndItsStatementReconcile() throws Exception {
        assertRefused(http.post(base + "/plans", admin, "{\"name\":\"Retail\",\"currency\":\"EUR\",\"timeZone\":\"Mars/Base\"}"),
                "timeZone");
        assertRefused(http.post(base + "/plans", admin, "{\"name\":\"Retail\",\"currency\":\"EURO\",\"timeZone\":\""
                + BERLIN + "\"}"), "currency");
        assertThat(http.post(base + "/plans", tenantAdmin, "{\"name\":\"Retail\",\"currency\":\"EUR\",\"timeZone\":\""
                + BERLIN + "\"}").status()).as("only the provider writes plans").isEqualTo(403);
        Res plan = http.post(base + "/plans", admin, "{\"name\":\"Retail\",\"currency\":\"EUR\",\"timeZone\":\""
                + BERLIN + "\"}");
        assertThat(plan.status()).as(plan.raw().body()).isEqualTo(201);
        long planId = plan.body().get("id").asLong();
        String rates = base + "/plans/" + planId + "/rates";
        Res good = http.put(rates, admin, "[" + rate("49", "0.10", "60/60", "2020-01-01") + "]");
        assertThat(good.status()).as(good.raw().body()).isEqualTo(200);

        // bad sets: each refused naming the value, and the stored set unchanged
        assertRefused(http.put(rates, admin, "[" + rate("44", "0.10", "60/60", "2020-01-01") + ","
                + rate("33", "-0.10", "60/60", "2020-01-01") + "]"), "[1].pricePerMinute");
        assertRefused(http.put(rates, admin, "[" + rate("49", "0.10", "0/60", "2020-01-01") + "]"), "[0].firstIncrement");
        assertRefused(http.put(rates, admin, "[" + rate("49", "0.10", "60/60", "2020-01-01").replace("\"0.05\"",
                "\"0.05x\"") + "]"), "[0].connectionFee");
        assertRefused(http.put(rates, admin, "[" + rate("49", "0.10", "60/60", "2020-01-01") + ","
                + rate("49", "0.20", "60/60", "2026-06-01") + "]"), "effectiveFrom");
        assertRefused(http.put(rates, admin, "[" + rate("49", "0.10", "60/60", "1 March") + "]"), "[0].effectiveFrom");
        JsonNode stored = http.get(rates, tenantAdmin).body();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("pricePerMinute").asText()).isEqualTo("0.1");
        assertThat(stored.get(0).get("increment").asText()).isEqualTo("60/60");

        // the account
        assertThat(http.get(base + "/account", admin).status()).isEqualTo(404);
        assertRefused(http.put(base + "/account", admin, "{\"kind\":\"PREPAID\",\"currency\":\"EUR\",\"planId\":" + planId
                + ",\"creditLimit\":\"5\"}"), "creditLimit");
        assertRefused(http.put(base + "/account", admin, "{\"kind\":\"SOMETIMES\",\"currency\":\"EUR\",\"planId\":"
                + planId + "}"), "kind");
        Res opened = http.put(base + "/account", admin, "{\"kind\":\"PREPAID\",\"currency\":\"EUR\",\"planId\":" + planId
                + ",\"warningThreshold\":\"2.00\",\"limits\":{\"maxConcurrentCalls\":5,\"blockedPatterns\":[\"881\"]}}");
        assertThat(opened.status()).as(opened.raw().body()).isEqualTo(201);
        assertThat(opened.body().get("balance").asText()).isEqualTo("0");

        assertRefused(http.post(base + "/top-ups", admin, "{\"amount\":\"abc\",\"reason\":\"x\"}"), "amount");
        assertRefused(http.post(base + "/top-ups", admin, "{\"amount\":\"1.0000001\",\"reason\":\"x\"}"), "amount");
        assertRefused(http.post(base + "/top-ups", admin, "{\"amount\":\"-5\",\"reason\":\"x\"}"), "amount");
        assertRefused(http.post(base + "/top-ups", admin, "{\"amount\":\"5\"}"), "reason");
        assertThat(http.post(base + "/top-ups", tenantAdmin, "{\"amount\":\"1000\",\"reason\":\"free money\"}").status())
                .as("a tenant cannot top itself up").isEqualTo(403);
        assertThat(http.post(base + "/top-ups", admin, "{\"amount\":\"10.00\",\"reason\":\"receipt 4711\"}").status())
                .isEqualTo(201);
        assertThat(http.post(base + "/adjustments", admin, "{\"amount\":\"-1.50\",\"reason\":\"setup fee\"}").status())
                .isEqualTo(201);
        JsonNode ledger = http.get(base + "/ledger", tenantAdmin).body();
        assertThat(ledger).hasSize(2);
        assertThat(ledger.get(0).get("kind").asText()).as("newest first").isEqualTo("ADJUSTMENT");
        assertThat(ledger.get(0).get("actor").asText()).isEqualTo("admin");
        assertThat(ledger.get(1).get("reason").asText()).isEqualTo("receipt 4711");
        assertThat(http.get(base + "/account", tenantAdmin).body().get("balance").asText()).isEqualTo("8.5");

        // a rated call: 61 s to Germany, 60/60 → 2 minutes at 0.10 plus the 0.05 fee = 0.25
        User alice = pbx.user("1001", "Alice", "pw-alice-1001");
        String callId = ratedCall(alice, "4930123456", 61);
        assertThat(http.get(base + "/account", admin).body().get("balance").asText()).isEqualTo("8.25");

        // a price correction, re-rated: 2 minutes at 0.20 plus the fee = 0.45, a correction of -0.20
        assertThat(http.put(rates, admin, "[" + rate("49", "0.20", "60/60", "2020-01-01") + "]").status()).isEqualTo(200);
        Instant now = Instant.now();
        String period = "{\"from\":\"" + now.minusSeconds(3600) + "\",\"to\":\"" + now.plusSeconds(60)
                + "\",\"tenantId\":" + pbx.tenant().id() + ",\"reason\":\"price list corrected\"}";
        assertThat(http.post("/api/v1/billing/rerate", tenantAdmin, period).status()).isEqualTo(403);
        Res rerated = http.post("/api/v1/billing/rerate", admin, period);
        assertThat(rerated.status()).as(rerated.raw().body()).isEqualTo(200);
        assertThat(rerated.body().get("changed").asLong()).isEqualTo(1);
        Res again = http.post("/api/v1/billing/rerate", admin, period);
        assertThat(again.body().get("changed").asLong()).as("re-rating is idempotent").isZero();
        assertThat(http.get(base + "/account", admin).body().get("balance").asText()).isEqualTo("8.05");

        // the month's statement
        String month = YearMonth.now(ZoneId.of(BERLIN)).toString();
        JsonNode months = http.get(base + "/statements", tenantAdmin).body();
        assertThat(months.get(0).get("month").asText()).isEqualTo(month);
        JsonNode statement = http.get(base + "/statements/" + month, tenantAdmin).body();
        assertThat(statement.get("opening").asText()).isEqualTo("0");
        assertThat(statement.get("closing").asText()).isEqualTo("8.05");
        assertThat(statement.get("totals").get("call").asText()).isEqualTo("-0.25");
        assertThat(statement.get("totals").get("rerate").asText()).isEqualTo("-0.2");
        assertThat(statement.get("totals").get("top_up").asText()).isEqualTo("10");
        assertThat(statement.get("totals").get("adjustment").asText()).isEqualTo("-1.5");
        JsonNode call = statement.get("lines").get(2);
        assertThat(call.get("kind").asText()).isEqualTo("CALL");
        assertThat(call.get("description").asText()).isEqualTo("Germany");
        assertThat(call.get("user").asText()).isEqualTo("1001 Alice");
        assertThat(call.get("number").asText()).isEqualTo("+4930123456");
        assertThat(call.get("seconds").asLong()).isEqualTo(120);
        assertThat(call.get("balance").asText()).isEqualTo("8.25");

        String csv = new String(download(month, "csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains("closing,8.05\r\n").contains("total call,-0.25\r\n")
                .contains(",CALL,Germany,1001 Alice,'+4930123456,").contains(",120,-0.25,8.25\r\n");
        byte[] pdf = download(month, "pdf");
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Statement " + month).contains("Closing balance: 8.05")
                    .contains("Germany").contains("1001 Alice").contains("receipt 4711");
        }
        assertRefused(http.get(base + "/statements/2026-13", tenantAdmin), "month");
        assertRefused(http.get(base + "/statements/" + month + "?format=docx", tenantAdmin), "format");
        assertThat(callId).isNotBlank();
    }

    @Test
    void aTenantAdminMayFreezeButOnlyTheProviderThaws() {
        // the account of the other test may not exist yet: open one of our own on a second tenant
        Res tenant = http.post("/api/v1/tenants", admin, "{\"name\":\"Frosty\",\"domain\":\"frosty.example\"}");
        assertThat(tenant.status()).as(tenant.raw().body()).isEqualTo(201);
        long tenantId = tenant.body().get("id").asLong();
        String frosty = "/api/v1/tenants/" + tenantId + "/billing";
        long planId = http.post(frosty + "/plans", admin, "{\"name\":\"P\",\"currency\":\"USD\",\"timeZone\":\"UTC\"}")
                .body().get("id").asLong();
        assertThat(http.put(frosty + "/account", admin, "{\"kind\":\"POSTPAID\",\"currency\":\"USD\",\"planId\":" + planId
                + ",\"creditLimit\":\"100\"}").status()).isEqualTo(201);
        Res adminAcct = http.post("/api/v1/admins", admin, "{\"username\":\"frosty-admin\",\"password\":\"frosty-pw-1\","
                + "\"role\":\"ADMIN\",\"tenantId\":" + tenantId + "}");
        assertThat(adminAcct.status()).isEqualTo(201);
        String frostyAdmin = http.login("frosty-admin", "frosty-pw-1");
        assertThat(http.get(frosty + "/account", tenantAdmin).status()).as("another tenant's admin").isEqualTo(403);

        Res frozen = http.post(frosty + "/freeze", frostyAdmin, "{\"frozen\":true}");
        assertThat(frozen.status()).as(frozen.raw().body()).isEqualTo(200);
        assertThat(frozen.body().get("frozen").asBoolean()).isTrue();
        assertThat(frozen.body().get("available").asText()).isEqualTo("100");
        assertThat(pbx.appliance().billing().accounts().account(tenantId).orElseThrow().frozen()).isTrue();
        assertThat(http.post(frosty + "/freeze", frostyAdmin, "{\"frozen\":false}").status()).isEqualTo(403);
        assertRefused(http.post(frosty + "/freeze", admin, "{}"), "frozen");
        assertThat(http.post(frosty + "/freeze", admin, "{\"frozen\":false}").body().get("frozen").asBoolean()).isFalse();
        assertThat(http.put(frosty + "/account", admin, "{\"kind\":\"POSTPAID\",\"currency\":\"EUR\",\"planId\":" + planId
                + ",\"creditLimit\":\"100\"}").status()).as("an account keeps its currency").isEqualTo(400);
    }

    /** Authorises a call to {@code destination}, stores its CDR as the call control does and rates it now. */
    private static String ratedCall(User user, String destination, long talkSeconds) {
        Billing billing = pbx.appliance().billing();
        Instant started = Instant.now().minusSeconds(talkSeconds + 5);
        String callId = "billing-it-" + System.nanoTime() + "@127.0.0.1";
        Authorisation decision = billing.authoriser().authorise(new CallStart(callId, user.tenantId(), user.id(),
                destination, started));
        assertThat(decision).isInstanceOf(Authorisation.Granted.class);
        Instant answered = started.plusSeconds(3);
        pbx.appliance().stores().cdrs().save(new CallRecord(0, user.tenantId(), callId, user.extension(),
                "00" + destination, started, answered, answered.plusSeconds(talkSeconds), Disposition.ANSWERED,
                HangupParty.CALLER, 200));
        billing.pipeline().settle(callId);
        return callId;
    }

    private static byte[] download(String month, String format) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.baseUrl() + base
                + "/statements/" + month + "?format=" + format)).header("Authorization", "Bearer " + tenantAdmin).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> v.contains(month + "." + format));
        return r.body();
    }
}
