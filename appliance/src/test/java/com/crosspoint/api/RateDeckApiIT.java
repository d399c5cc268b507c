package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.api.HttpJson.Res;
import com.crosspoint.testing.EventClient;
import com.crosspoint.testing.TestAppliance;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code PUT/GET /api/v1/carriers/{id}/rate-deck} and {@code .../import} over HTTP: a bad deck imports nothing and
 * reports every bad row by number; a good deck of 100,000 rows, streamed, is imported in the background with its
 * progress on the API and the event stream up to 100 %.
 */
class RateDeckApiIT {
    static TestAppliance pbx;
    static HttpJson http;
    static String admin;
    static CarrierEdgeClient edge;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
        http = new HttpJson("http://127.0.0.1:" + pbx.appliance().httpPort());
        admin = http.login("admin", "admin-secret");
        edge = new CarrierEdgeClient(http, admin);
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void aDeckWithBadRowsReportsEveryRowAndImportsNothing() {
        long id = edge.createCarrier("Sloppy");
        assertThat(edge.importDeck(id, "prefix,rate,effective_from\n44,0.01,2020-01-01\n").path("state").asText())
                .isEqualTo("DONE");

        JsonNode rejected = edge.importDeck(id, """
                prefix,destination,rate,effective_from
                44,UK,0.02,2020-01-01
                4420,London,abc,2020-01-01
                33,France,0.03,2020-01-01
                4x,Bad prefix,0.01,2020-01-01
                49,Germany,0.04,someday
                """);

        assertThat(rejected.get("state").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("rowsRead").asLong()).isEqualTo(5);
        List<String> errors = rejected.get("errors").findValuesAsText("errors");
        assertThat(rejected.get("errors")).hasSize(3);
        assertThat(rejected.get("errors").get(0).asText()).startsWith("row 3:").contains("abc");
        assertThat(rejected.get("errors").get(1).asText()).startsWith("row 5:");
        assertThat(rejected.get("errors").get(2).asText()).startsWith("row 6:");
        assertThat(errors).isEmpty();
        // nothing of it was imported: the first deck is still the carrier's, rate and all
        JsonNode summary = http.get("/api/v1/carriers/" + id + "/rate-deck", admin).body();
        assertThat(summary.get("rows").asLong()).isEqualTo(1);
        JsonNode uk = edge.explain("+441234567").body().get("candidates").get(0);
        assertThat(uk.get("rate").get("ratePerMinute").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(edge.explain("+33123456").body().get("candidates").get(0).get("rate").isNull()).isTrue();
    }

    @Test
    void aStreamedDeckOf100000RowsIsImportedWithProgressReaching100Percent() throws Exception {
        long id = edge.createCarrier("Bulk");
        try (EventClient events = EventClient.connect(http.baseUrl(), null, admin)) {
            Res started = edge.upload(id, () -> deck(100_000), "text/csv");
            assertThat(started.status()).as(started.raw().body()).isEqualTo(202);
            assertThat(started.raw().headers().firstValue("Location"))
                    .hasValue("/api/v1/carriers/" + id + "/rate-deck/import");
            assertThat(started.body().get("bytes").asLong()).isGreaterThan(2_000_000);

            JsonNode done = edge.awaitImport(id);
            assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
            assertThat(done.get("percent").asInt()).isEqualTo(100);
            assertThat(done.get("rowsStored").asLong()).isEqualTo(100_000);

            await().atMost(Duration.ofSeconds(5)).until(() -> progress(events, id).contains(100));
            List<Integer> percents = progress(events, id);
            assertThat(percents).isSorted();
            assertThat(percents).anyMatch(p -> p > 0 && p < 50).anyMatch(p -> p >= 50 && p < 100);
        }
        JsonNode summary = http.get("/api/v1/carriers/" + id + "/rate-deck", admin).body();
        assertThat(summary.get("rows").asLong()).isEqualTo(100_000);
        assertThat(summary.get("prefixes").asInt()).isEqualTo(100_000);
        assertThat(summary.get("source").asText()).isEqualTo("test.csv");
        assertThat(summary.get("effectiveFrom").asText()).isEqualTo("2020-01-01");
        assertThat(summary.get("effectiveUntil").isNull()).isTrue();
        JsonNode bulk = null;
        for (JsonNode c : edge.explain("+4412345000").body().get("candidates")) {
            bulk = c.get("carrierId").asLong() == id ? c : bulk;
        }
        assertThat(bulk.get("rate").get("prefix").asText()).isEqualTo("4412345");
    }

    private static List<Integer> progress(EventClient events, long carrierId) {
        return events.frames().stream().filter(f -> f.path("type").asText().equals("rate-deck.import"))
                .map(f -> f.get("deckImport")).filter(i -> i.get("carrierId").asLong() == carrierId)
                .map(i -> i.get("percent").asInt()).toList();
    }

    @Test
    void refusesWhatIsNoCsvAnEmptyBodyAndAnUnknownCarrier() {
        long id = edge.createCarrier("Picky");
        Res json = edge.upload(id, () -> new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
                "application/json");
        assertThat(json.status()).isEqualTo(415);
        assertThat(edge.upload(id, "").status()).isEqualTo(400);
        assertThat(edge.upload(999_999, "prefix,rate,effective_from\n1,1,2020-01-01\n").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/carriers/" + id + "/rate-deck", admin).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/carriers/" + id + "/rate-deck/import", admin).status()).isEqualTo(404);
    }

    /** A deck of {@code rows} distinct 7-digit UK prefixes, generated while it is sent. */
    static InputStream deck(int rows) {
        Enumeration<InputStream> parts = new Enumeration<>() {
            private int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next < rows;
            }

            @Override
            public InputStream nextElement() {
                if (next >= rows) {
                    throw new NoSuchElementException();
                }
                StringBuilder chunk = new StringBuilder();
                if (next < 0) {
                    chunk.append("prefix,destination,rate,increment,effective_from\n");
                    next = 0;
                }
                for (int i = 0; i < 1000 && next < rows; i++, next++) {
                    chunk.append(4_400_000 + next).append(",United Kingdom ").append(next).append(",0.0")
                            .append(100 + next % 900).append(",60/60,2020-01-01\n");
                }
                return new ByteArrayInputStream(chunk.toString().getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(parts);
    }
}
