package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.HttpJson.Res;
import com.crosspoint.model.Carrier;
import com.crosspoint.testing.TestAppliance;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/carriers}, {@code /routes/explain}, {@code /carriers/quality} and {@code /trunks} over HTTP on a
 * real appliance: the carrier lifecycle with a write-only password, bad input naming the field, the cheapest
 * carrier first, out of service dropping out of the explanation at once, and who may do what.
 */
class CarrierApiIT {
    static TestAppliance pbx;
    static HttpJson http;
    static String admin;
    static String tenantAdmin;
    static CarrierEdgeClient edge;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start(Map.of("trunk.routers", "127.0.0.1:5091,127.0.0.1:5092;transport=tcp",
                "trunk.gateways", "+1212=127.0.0.1:5093", "trunk.probeSeconds", "0"));
        http = new HttpJson("http://127.0.0.1:" + pbx.appliance().httpPort());
        admin = http.login("admin", "admin-secret");
        edge = new CarrierEdgeClient(http, admin);
        Res acct = http.post("/api/v1/admins", admin, "{\"username\":\"acme-admin\",\"password\":\"acme-admin-pw\","
                + "\"role\":\"ADMIN\",\"tenantId\":" + pbx.tenant().id() + "}");
        assertThat(acct.status()).as(acct.raw().body()).isEqualTo(201);
        tenantAdmin = http.login("acme-admin", "acme-admin-pw");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void carrierLifecycleKeepsThePasswordWriteOnly() {
        Res created = http.post("/api/v1/carriers", admin, "{\"name\":\"Lifecycle\",\"host\":\"192.0.2.10\",\"port\":5080,"
                + "\"transport\":\"TCP\",\"username\":\"acct7\",\"password\":\"s3cret-pw\",\"techPrefix\":\"#77\","
                + "\"maxChannels\":30,\"maxCallsPerSecond\":5}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/v1/carriers/" + id);
        assertThat(created.body().get("passwordSet").asBoolean()).isTrue();
        assertThat(created.body().get("address").asText()).isEqualTo("192.0.2.10:5080");
        assertThat(created.raw().body()).doesNotContain("s3cret-pw");
        assertThat(http.get("/api/v1/carriers", admin).raw().body()).contains("Lifecycle").doesNotContain("s3cret-pw");

        // a replace without the password keeps it
        Res replaced = http.put("/api/v1/carriers/" + id, admin, "{\"name\":\"Lifecycle\",\"host\":\"192.0.2.11\","
                + "\"username\":\"acct7\",\"maxChannels\":40}");
        assertThat(replaced.status()).as(replaced.raw().body()).isEqualTo(200);
        Carrier stored = pbx.appliance().stores().carriers().find(id).orElseThrow();
        assertThat(stored.credentials().password()).isEqualTo("s3cret-pw");
        assertThat(stored.host()).isEqualTo("192.0.2.11");
        assertThat(stored.maxChannels()).isEqualTo(40);
        assertThat(stored.techPrefix()).isEmpty();

        Res out = http.send("PATCH", "/api/v1/carriers/" + id, admin, "{\"inService\":false}");
        assertThat(out.status()).as(out.raw().body()).isEqualTo(200);
        assertThat(out.body().get("inService").asBoolean()).isFalse();
        assertThat(pbx.appliance().callRouter().carriers()).filteredOn(c -> c.id() == id)
                .extracting(Carrier::inService).containsExactly(false);

        assertThat(http.delete("/api/v1/carriers/" + id, admin).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/carriers/" + id, admin).status()).isEqualTo(404);
        assertThat(pbx.appliance().callRouter().carriers()).noneMatch(c -> c.id() == id);
    }

    @Test
    void badInputIs400NamingTheField() {
        assertField(http.post("/api/v1/carriers", admin, "{\"name\":\"Bad\",\"host\":"), 400, "host");
        assertField(http.post("/api/v1/carriers", admin, "{\"name\":\"Bad\",\"host\":\"h.example\",\"port\":\"5060\"}"),
                400, "port");
        assertField(http.post("/api/v1/carriers", admin, "{\"name\":\"Bad\",\"host\":\"h.example\",\"port\":70000}"),
                400, "port");
        assertField(http.post("/api/v1/carriers", admin, "{\"name\":\"Bad\",\"host\":\"h.example\",\"transport\":\"SCTP\"}"),
                400, "transport");
        assertField(http.post("/api/v1/carriers", admin, "{\"name\":\"Bad\",\"host\":\"h.example\",\"colour\":\"red\"}"),
                400, "colour");
        assertField(http.post("/api/v1/carriers", admin, "{\"name\":\"\",\"host\":\"h.example\"}"), 400, "name");
        assertField(http.post("/api/v1/carriers", admin, "{\"name\":\"Bad\",\"host\":\"h.example\",\"username\":\"u\"}"),
                400, "password");
        assertField(http.post("/api/v1/carriers", admin, "{\"name\":\"Bad\",\"host\":\"h.example\",\"techPrefix\":\"12a\"}"),
                400, "techPrefix");
        assertThat(http.post("/api/v1/carriers", admin, "{\"name\":\"Twice\",\"host\":\"h.example\"}").status())
                .isEqualTo(201);
        assertField(http.post("/api/v1/carriers", admin, "{\"name\":\"Twice\",\"host\":\"h.example\"}"), 409, "name");
        long id = pbx.appliance().stores().carriers().findByName("Twice").orElseThrow().id();
        assertField(http.send("PATCH", "/api/v1/carriers/" + id, admin, "{}"), 400, "inService");
        assertField(http.send("PATCH", "/api/v1/carriers/" + id, admin, "{\"inService\":\"no\"}"), 400, "inService");
        assertThat(http.get("/api/v1/carriers", admin).body().findValuesAsText("name")).doesNotContain("Bad");
    }

    @Test
    void explainRanksTheCheapestCarrierFirstAndDropsOneTakenOutOfService() {
        long dear = edge.createCarrier("Dear");
        long cheap = edge.createCarrier("Cheap");
        String deck = "prefix,destination,rate,increment,effective_from\n44,United Kingdom,%s,60/60,2020-01-01\n";
        assertThat(edge.importDeck(dear, deck.formatted("0.0200")).path("state").asText()).isEqualTo("DONE");
        assertThat(edge.importDeck(cheap, deck.formatted("0.0125")).path("state").asText()).isEqualTo("DONE");

        Res explained = edge.explain("+442079460000");
        assertThat(explained.status()).as(explained.raw().body()).isEqualTo(200);
        JsonNode first = explained.body().get("candidates").get(0);
        assertThat(first.get("carrier").asText()).isEqualTo("Cheap");
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("rate").get("ratePerMinute").decimalValue()).isEqualByComparingTo("0.0125");
        assertThat(first.get("rate").get("prefix").asText()).isEqualTo("44");
        assertThat(first.get("score").get("price").asDouble()).isEqualTo(1.0);
        assertThat(first.get("floors").findValuesAsText("floor")).isNotEmpty();
        JsonNode second = explained.body().get("candidates").get(1);
        assertThat(second.get("carrier").asText()).isEqualTo("Dear");
        assertThat(second.get("score").get("price").asDouble()).isLessThan(1.0);

        assertThat(http.send("PATCH", "/api/v1/carriers/" + cheap, admin, "{\"inService\":false}").status())
                .isEqualTo(200);
        JsonNode after = edge.explain("+442079460000").body().get("candidates");
        assertThat(after.get(0).get("carrier").asText()).isEqualTo("Dear");
        JsonNode dropped = after.get(1);
        assertThat(dropped.get("carrier").asText()).isEqualTo("Cheap");
        assertThat(dropped.get("excluded").asBoolean()).isTrue();
        assertThat(dropped.get("rank").asInt()).isZero();

        assertField(edge.explain("442079460000"), 400, "number");
        assertField(http.get("/api/v1/routes/explain", admin), 400, "number");
        http.send("PATCH", "/api/v1/carriers/" + cheap, admin, "{\"inService\":true}");
    }

    @Test
    void qualityShowsLiveFiguresAndCostPerMinuteOfReportedCalls() {
        long id = edge.createCarrier("Measured");
        edge.importDeck(id, "prefix,rate,effective_from\n1,0.0100,2020-01-01\n");
        // the proxy is not built yet: report one answered minute the way it will, through the router's port
        var router = pbx.appliance().callRouter();
        Instant t0 = Instant.now().minusSeconds(70); // ended within the window, not in its future
        var attempt = router.attempts().start(id, "+14155550100", t0).orElseThrow();
        attempt.provisional(t0.plusMillis(400));
        attempt.answered(t0.plusSeconds(2));
        assertThat(quality(id).get("liveCalls").asInt()).isEqualTo(1);
        attempt.ended(200, t0.plusSeconds(62));

        JsonNode q = quality(id);
        assertThat(q.get("status").asText()).isEqualTo("IN_SERVICE");
        assertThat(q.get("liveCalls").asInt()).isZero();
        assertThat(q.get("quality").get("attempts").asLong()).isEqualTo(1);
        assertThat(q.get("quality").get("asr").asDouble()).isEqualTo(1.0);
        assertThat(q.get("quality").get("acdSeconds").asDouble()).isEqualTo(60.0);
        assertThat(q.get("quality").get("pddMillis").asDouble()).isEqualTo(400.0);
        assertThat(q.get("costPerMinute").decimalValue()).isEqualByComparingTo("0.01");

        http.send("PATCH", "/api/v1/carriers/" + id, admin, "{\"inService\":false}");
        assertThat(quality(id).get("status").asText()).isEqualTo("OUT_OF_SERVICE");
    }

    private static JsonNode quality(long id) {
        Res r = http.get("/api/v1/carriers/quality", admin);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        for (JsonNode n : r.body()) {
            if (n.get("carrierId").asLong() == id) {
                return n;
            }
        }
        throw new AssertionError("carrier " + id + " not in " + r.raw().body());
    }

    @Test
    void trunksListTheRoutersAndGatewaysWithTheirHealth() {
        Res r = http.get("/api/v1/trunks", admin);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        assertThat(r.body()).hasSize(3);
        assertThat(r.body().findValuesAsText("role")).containsExactly("router", "router", "gateway");
        assertThat(r.body().get(1).get("port").asInt()).isEqualTo(5092);
        assertThat(r.body().get(1).get("transport").asText()).isEqualTo("tcp");
        assertThat(r.body().get(2).get("prefix").asText()).isEqualTo("+1212");
        assertThat(r.body().findValuesAsText("up")).containsOnly("true");
    }

    @Test
    void aTenantAdminCannotTouchCarriersRoutesOrTrunks() {
        long id = edge.createCarrier("Guarded");
        assertThat(http.get("/api/v1/carriers", tenantAdmin).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/carriers/" + id, tenantAdmin).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/carriers", tenantAdmin, "{\"name\":\"Mine\",\"host\":\"h.example\"}").status())
                .isEqualTo(403);
        assertThat(http.send("PATCH", "/api/v1/carriers/" + id, tenantAdmin, "{\"inService\":false}").status())
                .isEqualTo(403);
        assertThat(http.delete("/api/v1/carriers/" + id, tenantAdmin).status()).isEqualTo(403);
        assertThat(new CarrierEdgeClient(http, tenantAdmin).upload(id, "prefix,rate,effective_from\n1,1,2020-01-01\n")
                .status()).isEqualTo(403);
        assertThat(http.get("/api/v1/carriers/" + id + "/rate-deck", tenantAdmin).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/carriers/quality", tenantAdmin).status()).isEqualTo(403);
        assertThat(new CarrierEdgeClient(http, tenantAdmin).explain("+4420").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/trunks", tenantAdmin).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/carriers", null).status()).isEqualTo(401);
        assertThat(pbx.appliance().stores().carriers().find(id).orElseThrow().inService()).isTrue();
    }

    private static void assertField(Res r, int status, String field) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(status);
        assertThat(r.field()).as(r.raw().body()).isEqualTo(field);
    }
}
