package com.crosspoint.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The appliance's REST API as a test sees it from outside: log in once, then GET or POST JSON. */
public final class AdminApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    public AdminApi(int httpPort, String username, String password) {
        this.base = "http://127.0.0.1:" + httpPort + "/api/v1";
        JsonNode login = send(HttpRequest.newBuilder(URI.create(base + "/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("username", username, "password", password)))));
        this.token = login.get("token").asText();
    }

    /** The bearer token of this admin session (also good for the event stream: {@code ?token=}). */
    public String token() {
        return token;
    }

    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET());
    }

    /** POSTs a JSON body; the answer must be a success. */
    public JsonNode post(String path, String jsonBody) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    /** Sends a JSON body with {@code method} and returns the answer as it is, failure or not. */
    public HttpResponse<String> exchange(String method, String path, String jsonBody) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody)).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The id of the tenant with this SIP domain. */
    public long tenantId(String domain) {
        for (JsonNode t : get("/tenants")) {
            if (domain.equals(t.get("domain").asText())) {
                return t.get("id").asLong();
            }
        }
        throw new IllegalStateException("no tenant " + domain);
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(r.statusCode() + " from " + r.uri() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
