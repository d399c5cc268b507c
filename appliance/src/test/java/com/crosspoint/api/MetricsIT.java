package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.testing.RawSipClient;
import com.crosspoint.testing.TestAppliance;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} on a real appliance, scraped over HTTP and parsed as Prometheus text: who may read it, JVM
 * basics, a registration counter that moves after a SIP REGISTER, and the call router's attempts per carrier.
 */
class MetricsIT {
    private static final String SCRAPE_TOKEN = "scrape-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static TestAppliance pbx;
    static HttpJson http;
    static String admin;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start(Map.of("http.metricsToken", SCRAPE_TOKEN));
        pbx.user("1201", "Metered", "pw-metered-1201");
        http = new HttpJson("http://127.0.0.1:" + pbx.appliance().httpPort());
        admin = http.login("admin", "admin-secret");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void onlyTheScrapeTokenOrAGlobalAdminMayRead() throws Exception {
        assertThat(get(null).statusCode()).isEqualTo(401);
        assertThat(get("not-the-token").statusCode()).isEqualTo(401);
        assertThat(http.post("/api/v1/admins", admin, "{\"username\":\"tenant-ops\",\"password\":\"tenant-ops-pw\","
                + "\"role\":\"ADMIN\",\"tenantId\":" + pbx.tenant().id() + "}").status()).isEqualTo(201);
        assertThat(get(http.login("tenant-ops", "tenant-ops-pw")).statusCode()).isEqualTo(403);

        HttpResponse<String> scraped = get(SCRAPE_TOKEN);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/plain"));
        assertThat(get(admin).statusCode()).isEqualTo(200);

        Map<String, Double> series = parse(scraped.body());
        assertThat(series.get("jvm_threads_live_threads")).isPositive();
        assertThat(series.keySet()).anyMatch(k -> k.startsWith("jvm_memory_used_bytes{"));
        assertThat(series).containsKeys("crosspoint_calls_active", "crosspoint_calls_total",
                "crosspoint_registrations_active", "crosspoint_routes_total", "crosspoint_relay_calls_total");
    }

    @Test
    void aSipRegisterMovesTheRegistrationCounters() throws Exception {
        String added = "crosspoint_registration_events_total{type=\"added\"}";
        double before = parse(get(SCRAPE_TOKEN).body()).getOrDefault(added, 0.0);
        try (RawSipClient phone = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            String aor = "sip:1201@" + pbx.sipHostPort();
            var registered = phone.sendWithDigest("REGISTER", "sip:" + pbx.sipHostPort(), aor, aor,
                    UUID.randomUUID() + "@metrics", List.of("Expires: 600"), null, "1201", "pw-metered-1201",
                    Duration.ofSeconds(5));
            assertThat(registered.status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map<String, Double> after = parse(get(SCRAPE_TOKEN).body());
            assertThat(after.get(added)).isEqualTo(before + 1);
            assertThat(after.get("crosspoint_registrations_active")).isGreaterThanOrEqualTo(1.0);
        });
    }

    @Test
    void carrierAttemptsAreCountedPerCarrier() throws Exception {
        long id = new CarrierEdgeClient(http, admin).createCarrier("Counted");
        var router = pbx.appliance().callRouter();
        Instant t = Instant.now();
        router.attempts().start(id, "+14155550100", t).orElseThrow().ended(503, t.plusSeconds(1));
        var answered = router.attempts().start(id, "+14155550100", t).orElseThrow();
        answered.answered(t.plusSeconds(1));
        answered.ended(200, t.plusSeconds(30));

        Map<String, Double> series = parse(get(SCRAPE_TOKEN).body());
        String labels = "{carrier=\"Counted\",carrier_id=\"" + id + "\"}";
        assertThat(series.get("crosspoint_carrier_attempts_total" + labels)).isEqualTo(2.0);
        assertThat(series.get("crosspoint_carrier_answered_total" + labels)).isEqualTo(1.0);
        assertThat(series.get("crosspoint_carrier_failed_total" + labels)).isEqualTo(1.0);
    }

    private static HttpResponse<String> get(String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.baseUrl() + "/metrics"))
                .timeout(Duration.ofSeconds(10));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Series name with its labels (as written) → value; comments skipped. */
    static Map<String, Double> parse(String exposition) {
        Map<String, Double> out = new HashMap<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return out;
    }
}
