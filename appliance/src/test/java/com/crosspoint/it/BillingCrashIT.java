package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.api.CarrierEdgeClient;
import com.crosspoint.api.HttpJson;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.LedgerEntry;
import com.crosspoint.model.RatedCall;
import com.crosspoint.store.CdrStore;
import com.crosspoint.store.LedgerStore;
import com.crosspoint.store.LedgerStore.Period;
import com.crosspoint.store.derby.DerbyStores;
import com.crosspoint.testing.ApplianceProcess;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.HarnessFiles;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippRunner;
import com.crosspoint.testing.SippUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the appliance (its own OS process) while SIPp places 20 billed outside calls through its PBX and
 * call router to a SIPp carrier (issue 14 acceptance). After the restart, recovery has settled every reservation
 * whose call has a CDR and released every one without: nothing is left reserved, no call is charged twice, and the
 * ledger balances to the cent against the rated CDRs.
 */
class BillingCrashIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DEMO_PASSWORD = "demo-pw-billing";
    private static final String ADMIN_PASSWORD = "admin-pw-billing";
    private static final Map<String, String> ENV = Map.of("CROSSPOINT_DEMO_PASSWORD", DEMO_PASSWORD,
            "CROSSPOINT_ADMIN_PASSWORD", ADMIN_PASSWORD, "CROSSPOINT_DEMO_CARRIERS", "false");
    private static final int CALLS = 20;
    /** Enough for 20 calls that each hold the longest reservation (4 h at 0.60 EUR a minute: 144 EUR). */
    private static final long TOP_UP_MICROS = 5_000_000_000L;
    private static final Instant EVER = Instant.parse("2100-01-01T00:00:00Z");

    @Test
    void afterAKillDuringTwentyCallsNoReservationIsLostOrChargedTwice() throws Exception {
        Path dataDir = HarnessFiles.tempDir("billing-crash").resolve("data");
        int sipPort = FreePorts.udpAndTcp();
        int httpPort = FreePorts.udpAndTcp();
        int carrierPort = FreePorts.udpAndTcp();
        long tenant;
        try (ApplianceProcess first = ApplianceProcess.start(dataDir, sipPort, httpPort, ENV)) {
            HttpJson http = new HttpJson("http://127.0.0.1:" + httpPort);
            String admin = http.login("admin", ADMIN_PASSWORD);
            tenant = billedTenant(http, admin, carrierPort);
            // the carrier starts once the appliance serves: its 30 s run must cover the calls, not a slow start
            try (SippProcess carrier = RouterHarness.answering("billing-crash-carrier", carrierPort,
                    RouterHarness.NUMBER, CALLS);
                 SippProcess calls = SippRunner.scenario("sipp/uac-call.xml").name("billing-crash-calls")
                         .remote("127.0.0.1", sipPort).users(List.of(SippUser.caller("1001", DEMO_PASSWORD,
                                 "6175551234"))).calls(CALLS).rate(5).callDuration(Duration.ofSeconds(2))
                         .timeout(WAIT).start()) {
                // kill while some calls have ended (rated), some talk (reserved) and more are being set up
                await().atMost(WAIT).until(() -> openCalls(http, admin, tenant) >= 3);
                await().atMost(WAIT).until(() -> answeredCalls(http, admin, tenant) >= 2);
                first.killHard();
            }
        }
        try (ApplianceProcess second = ApplianceProcess.start(dataDir, sipPort, httpPort, ENV)) {
            HttpJson http = new HttpJson("http://127.0.0.1:" + httpPort);
            String admin = http.login("admin", ADMIN_PASSWORD);
            JsonNode account = account(http, admin, tenant);
            assertThat(account.get("reserved").asText()).as("recovery left nothing reserved: %s", account)
                    .isEqualTo("0");
            assertThat(account.get("openCalls").asInt()).isZero();
        }

        try (DerbyStores stores = DerbyStores.open(dataDir)) {
            LedgerStore ledger = stores.ledger();
            assertThat(ledger.openReservations()).as("no reservation is left open").isEmpty();
            List<RatedCall> rated = ledger.ratings(new Period(tenant, Instant.EPOCH, EVER), null, 1_000);
            List<CallRecord> answered = stores.cdrs().search(tenant, CdrStore.CdrFilter.any(), 0, 1_000).stream()
                    .filter(c -> c.disposition() == Disposition.ANSWERED).toList();
            assertThat(answered).as("calls ended before the kill").isNotEmpty();
            assertThat(rated).extracting(r -> r.call().cdrId()).as("each answered call rated once")
                    .containsExactlyInAnyOrderElementsOf(answered.stream().map(CallRecord::id).toList());
            List<LedgerEntry> charges = ledger.entries(tenant, Instant.EPOCH, EVER).stream()
                    .filter(e -> e.kind() == LedgerEntry.Kind.CHARGE).toList();
            Map<Long, Long> chargesPerCall = charges.stream().collect(Collectors.groupingBy(LedgerEntry::cdrId,
                    Collectors.counting()));
            assertThat(chargesPerCall).as("each rated call charged once").hasSize(rated.size())
                    .allSatisfy((cdr, n) -> assertThat(n).as("charges of CDR %d", cdr).isEqualTo(1));
            Map<Long, RatedCall> byCdr = rated.stream().collect(Collectors.toMap(r -> r.call().cdrId(),
                    Function.identity()));
            for (CallRecord cdr : answered) {
                RatedCall r = byCdr.get(cdr.id());
                // 0.60 EUR a minute in 1/1 increments: a cent a started second
                assertThat(r.price().micros()).as("call %s of %s", cdr.callId(), cdr.duration())
                        .isEqualTo(r.billedSeconds() * 10_000);
                assertThat(r.billedSeconds()).isBetween(cdr.duration().toSeconds(), cdr.duration().toSeconds() + 1);
            }
            long prices = rated.stream().mapToLong(r -> r.price().micros()).sum();
            assertThat(-charges.stream().mapToLong(LedgerEntry::amountMicros).sum()).isEqualTo(prices).isPositive();
            assertThat(ledger.funds(tenant).balanceMicros()).as("to the cent").isEqualTo(TOP_UP_MICROS - prices);
            assertThat(ledger.funds(tenant).reservedMicros()).isZero();
            assertThat(ledger.totals(tenant).balanced()).as("%s", ledger.totals(tenant)).isTrue();
        }
    }

    /**
     * The demo tenant on a prepaid account of 5,000 EUR, its plan selling +1 at 0.60 EUR a minute in 1/1 increments,
     * and the carrier (the SIPp UAS) with its deck for +1.
     */
    private static long billedTenant(HttpJson http, String admin, int carrierPort) {
        HttpJson.Res created = http.post("/api/v1/carriers", admin, "{\"name\":\"Crash\",\"host\":\"127.0.0.1\","
                + "\"port\":" + carrierPort + "}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        new CarrierEdgeClient(http, admin).importDeck(created.body().get("id").asLong(),
                "prefix,rate,effective_from\n1,0.01,2020-01-01\n");
        long tenant = http.get("/api/v1/tenants", admin).body().get(0).get("id").asLong();
        String base = "/api/v1/tenants/" + tenant + "/billing";
        HttpJson.Res plan = http.post(base + "/plans", admin, "{\"name\":\"Retail\",\"currency\":\"EUR\","
                + "\"timeZone\":\"UTC\"}");
        assertThat(plan.status()).as(plan.raw().body()).isEqualTo(201);
        long planId = plan.body().get("id").asLong();
        HttpJson.Res rates = http.put(base + "/plans/" + planId + "/rates", admin, "[{\"prefix\":\"1\",\"description\":"
                + "\"North America\",\"pricePerMinute\":\"0.60\",\"connectionFee\":\"0\",\"increment\":\"1/1\","
                + "\"effectiveFrom\":\"2020-01-01\"}]");
        assertThat(rates.status()).as(rates.raw().body()).isEqualTo(200);
        HttpJson.Res account = http.put(base + "/account", admin, "{\"kind\":\"PREPAID\",\"currency\":\"EUR\","
                + "\"planId\":" + planId + "}");
        assertThat(account.status()).as(account.raw().body()).isEqualTo(201);
        HttpJson.Res topUp = http.post(base + "/top-ups", admin, "{\"amount\":\"5000.00\",\"reason\":\"crash test\"}");
        assertThat(topUp.status()).as(topUp.raw().body()).isEqualTo(201);
        return tenant;
    }

    private static JsonNode account(HttpJson http, String admin, long tenant) {
        HttpJson.Res r = http.get("/api/v1/tenants/" + tenant + "/billing/account", admin);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r.body();
    }

    private static int openCalls(HttpJson http, String admin, long tenant) {
        return account(http, admin, tenant).get("openCalls").asInt();
    }

    private static int answeredCalls(HttpJson http, String admin, long tenant) {
        HttpJson.Res r = http.get("/api/v1/tenants/" + tenant + "/cdrs?disposition=ANSWERED", admin);
        return Optional.ofNullable(r.body().get("total")).map(JsonNode::asInt).orElse(0);
    }
}
