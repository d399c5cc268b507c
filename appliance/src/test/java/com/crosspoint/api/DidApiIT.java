package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.HttpJson.Res;
import com.crosspoint.testing.TestAppliance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/tenants/{tenantId}/dids} over HTTP: the lifecycle with the main flag, E.164 and the extension
 * checked, a number another tenant has is a 409 on {@code number}, and a tenant admin sees only its own tenant.
 */
class DidApiIT {
    static TestAppliance pbx;
    static HttpJson http;
    static String admin;
    static long acme;
    static long other;
    static String acmeAdmin;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
        http = new HttpJson("http://127.0.0.1:" + pbx.appliance().httpPort());
        admin = http.login("admin", "admin-secret");
        acme = pbx.tenant().id();
        pbx.user("1001", "Alice", "pw-alice-1001");
        pbx.user("1002", "Bob", "pw-bob-1002");
        Res t = http.post("/api/v1/tenants", admin, "{\"name\":\"Other\",\"domain\":\"other.example.com\"}");
        other = t.body().get("id").asLong();
        assertThat(http.post("/api/v1/tenants/" + other + "/users", admin, "{\"extension\":\"3001\"}").status())
                .isEqualTo(201);
        assertThat(http.post("/api/v1/admins", admin, "{\"username\":\"acme-dids\",\"password\":\"acme-dids-pw\","
                + "\"role\":\"ADMIN\",\"tenantId\":" + acme + "}").status()).isEqualTo(201);
        acmeAdmin = http.login("acme-dids", "acme-dids-pw");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    private static String dids(long tenant) {
        return "/api/v1/tenants/" + tenant + "/dids";
    }

    @Test
    void didLifecycleWithTheMainNumber() {
        Res main = http.post(dids(acme), acmeAdmin, "{\"number\":\"+14155550100\",\"extension\":\"1001\",\"main\":true}");
        assertThat(main.status()).as(main.raw().body()).isEqualTo(201);
        long mainId = main.body().get("id").asLong();
        assertThat(main.raw().headers().firstValue("Location")).hasValue(dids(acme) + "/" + mainId);
        assertThat(main.body().get("main").asBoolean()).isTrue();
        Res bobs = http.post(dids(acme), acmeAdmin, "{\"number\":\"+14155550101\",\"extension\":\"1002\"}");
        assertThat(bobs.status()).as(bobs.raw().body()).isEqualTo(201);
        assertThat(bobs.body().get("main").asBoolean()).isFalse();
        long bobsId = bobs.body().get("id").asLong();

        // making Bob's the main number takes it from the first
        Res moved = http.put(dids(acme) + "/" + bobsId, acmeAdmin,
                "{\"number\":\"+14155550101\",\"extension\":\"1002\",\"main\":true}");
        assertThat(moved.status()).as(moved.raw().body()).isEqualTo(200);
        assertThat(http.get(dids(acme) + "/" + mainId, acmeAdmin).body().get("main").asBoolean()).isFalse();
        assertThat(http.get(dids(acme), acmeAdmin).body().findValuesAsText("number"))
                .contains("+14155550100", "+14155550101");
        assertThat(pbx.appliance().stores().dids().findByNumber("+14155550101").orElseThrow().main()).isTrue();

        assertThat(http.delete(dids(acme) + "/" + mainId, acmeAdmin).status()).isEqualTo(204);
        assertThat(http.get(dids(acme) + "/" + mainId, acmeAdmin).status()).isEqualTo(404);
        assertThat(pbx.appliance().stores().dids().findByNumber("+14155550100")).isEmpty();
    }

    @Test
    void badInputIs400NamingTheField() {
        assertField(http.post(dids(acme), admin, "{\"number\":\"4155550102\",\"extension\":\"1001\"}"), 400, "number");
        assertField(http.post(dids(acme), admin, "{\"number\":\"+1415\",\"extension\":\"1001\"}"), 400, "number");
        assertField(http.post(dids(acme), admin, "{\"number\":\"+14155550102\",\"extension\":\"9999\"}"), 400,
                "extension");
        assertField(http.post(dids(acme), admin, "{\"number\":\"+14155550102\",\"extension\":\"1001\",\"main\":\"yes\"}"),
                400, "main");
        assertField(http.post(dids(acme), admin, "{\"number\":\"+14155550102\",\"extension\":1001}"), 400, "extension");
        assertField(http.post(dids(acme), admin, "{\"number\":\"+14155550102\",\"extension\":\"1001\""), 400,
                "extension");
        assertThat(pbx.appliance().stores().dids().findByNumber("+14155550102")).isEmpty();
    }

    @Test
    void aNumberAnotherTenantHasIs409() {
        assertThat(http.post(dids(other), admin, "{\"number\":\"+14155550200\",\"extension\":\"3001\"}").status())
                .isEqualTo(201);
        assertField(http.post(dids(acme), acmeAdmin, "{\"number\":\"+14155550200\",\"extension\":\"1001\"}"), 409,
                "number");
        assertThat(pbx.appliance().stores().dids().findByNumber("+14155550200").orElseThrow().tenantId())
                .isEqualTo(other);
    }

    @Test
    void aTenantAdminCannotTouchAnotherTenantsDids() {
        Res theirs = http.post(dids(other), admin, "{\"number\":\"+14155550300\",\"extension\":\"3001\"}");
        long id = theirs.body().get("id").asLong();
        assertThat(http.get(dids(other), acmeAdmin).status()).isEqualTo(403);
        assertThat(http.post(dids(other), acmeAdmin, "{\"number\":\"+14155550301\",\"extension\":\"3001\"}").status())
                .isEqualTo(403);
        assertThat(http.delete(dids(other) + "/" + id, acmeAdmin).status()).isEqualTo(403);
        // through its own tenant's path, another tenant's DID does not exist
        assertThat(http.delete(dids(acme) + "/" + id, acmeAdmin).status()).isEqualTo(404);
        assertThat(http.put(dids(acme) + "/" + id, acmeAdmin, "{\"number\":\"+14155550300\",\"extension\":\"1001\"}")
                .status()).isEqualTo(404);
        assertThat(pbx.appliance().stores().dids().findByNumber("+14155550300").orElseThrow().tenantId())
                .isEqualTo(other);
    }

    private static void assertField(Res r, int status, String field) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(status);
        assertThat(r.field()).as(r.raw().body()).isEqualTo(field);
    }
}
