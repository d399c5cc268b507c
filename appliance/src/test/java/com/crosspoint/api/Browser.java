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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a browser does with the API, over real HTTP: keeps the session cookie it was given (by hand,
 * so tests see every attribute), sends its own Origin, and echoes the CSRF token when told to.
 */
final class Browser {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    String cookie;
    String csrf;

    Browser(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String origin() {
        return baseUrl;
    }

    /** Logs in with {@code POST /api/v1/web/login}; keeps cookie and CSRF token on success. */
    HttpJson.Res login(String body) {
        HttpJson.Res r = send("POST", "/api/v1/web/login", body, Map.of("Origin", origin()));
        if (r.status() == 200) {
            String setCookie = r.raw().headers().firstValue("Set-Cookie").orElseThrow();
            cookie = setCookie.substring(0, setCookie.indexOf(';'));
            csrf = r.body().get("csrfToken").asText();
        }
        return r;
    }

    HttpJson.Res loginUser(String extension, String password, String domain) {
        return login("{\"kind\":\"user\",\"extension\":\"" + extension + "\",\"password\":\"" + password + "\""
                + (domain == null ? "" : ",\"domain\":\"" + domain + "\"") + "}");
    }

    /** As the dashboards do it: cookie, own Origin, and the CSRF token on state-changing methods. */
    HttpJson.Res call(String method, String path, String body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Origin", origin());
        if (!method.equals("GET") && csrf != null) {
            h.put("X-CSRF-Token", csrf);
        }
        return send(method, path, body, h);
    }

    HttpJson.Res get(String path) {
        return call("GET", path, null);
    }

    /** A request with the cookie and exactly the extra headers given. */
    HttpJson.Res send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String ct = r.headers().firstValue("Content-Type").orElse("");
            JsonNode parsed = r.body().isEmpty() || !ct.startsWith("application/json") ? null : JSON.readTree(r.body());
            return new HttpJson.Res(r.statusCode(), parsed, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
