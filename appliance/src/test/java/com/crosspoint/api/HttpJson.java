package com.crosspoint.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON-over-HTTP client for API tests: real requests over loopback with java.net.http. */
public final class HttpJson {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;

    public HttpJson(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A response: status, body parsed as JSON (null when empty) and the raw response. */
    public record Res(int status, JsonNode body, HttpResponse<String> raw) {
        public String error() {
            return body == null ? null : body.path("error").asText(null);
        }

        public String field() {
            return body == null || body.path("field").isNull() ? null : body.path("field").asText();
        }
    }

    public String login(String username, String password) {
        Res r = send("POST", "/api/v1/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (r.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + r.status() + " " + r.raw().body());
        }
        return r.body().get("token").asText();
    }

    public Res get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Res post(String path, String token, String body) {
        return send("POST", path, token, body);
    }

    public Res put(String path, String token, String body) {
        return send("PUT", path, token, body);
    }

    public Res delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    public Res send(String method, String path, String token, String body) {
        return send(method, path, token, body, "application/json");
    }

    public Res send(String method, String path, String token, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = r.body().isEmpty() ? null : JSON.readTree(r.body());
            return new Res(r.statusCode(), parsed, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
