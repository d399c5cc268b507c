package com.crosspoint.it.relay;

import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.TestAppliance;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Users and SIP devices made through the admin API, as an operator would; and an end user's ephemeral TURN
 * credentials from {@code /api/v1/me/turn-credentials}, through a dashboard login.
 */
final class TurnAccounts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestAppliance pbx;
    private final AdminApi api;
    private final long tenantId;

    TurnAccounts(TestAppliance pbx) {
        this.pbx = pbx;
        this.api = new AdminApi(pbx.appliance().httpPort(), "admin", "admin-secret");
        this.tenantId = api.tenantId(TestAppliance.DOMAIN);
    }

    /** A user with web password {@code web-<ext>-pw} and one device whose SIP user name is the extension. */
    void create(String extension, String sipPassword) {
        long userId = api.post("/tenants/" + tenantId + "/users", "{\"extension\":\"" + extension
                + "\",\"displayName\":\"TURN " + extension + "\",\"webPassword\":\"web-" + extension + "-pw\"}")
                .get("id").asLong();
        api.post("/tenants/" + tenantId + "/users/" + userId + "/devices",
                "{\"sipUsername\":\"" + extension + "\",\"password\":\"" + sipPassword + "\"}");
    }

    /** Signs in as the user on the dashboard and asks for TURN credentials. */
    JsonNode ephemeralCredentials(String extension) {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + pbx.appliance().httpPort();
        try {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/web/login"))
                    .header("Content-Type", "application/json").header("Origin", base)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"user\",\"extension\":\"" + extension
                            + "\",\"password\":\"web-" + extension + "-pw\",\"domain\":\"" + TestAppliance.DOMAIN
                            + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 200) {
                throw new IllegalStateException("login " + login.statusCode() + ": " + login.body());
            }
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
            HttpResponse<String> turn = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/v1/me/turn-credentials")).header("Cookie", cookie).header("Origin", base).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (turn.statusCode() != 200) {
                throw new IllegalStateException("turn-credentials " + turn.statusCode() + ": " + turn.body());
            }
            return JSON.readTree(turn.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
