package com.crosspoint.console.it;

import com.crosspoint.api.HttpJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent as the web dashboard is: logged in with extension and web password (a cookie and a CSRF token), then
 * changing their own state with {@code PUT /api/v1/me/agent}.
 */
final class AgentWebSession {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final String cookie;
    private final String csrf;

    private AgentWebSession(String base, String cookie, String csrf) {
        this.base = base;
        this.cookie = cookie;
        this.csrf = csrf;
    }

    static AgentWebSession login(HttpJson http, String extension, String password, String domain) throws Exception {
        String body = "{\"kind\":\"user\",\"extension\":\"" + extension + "\",\"password\":\"" + password
                + "\",\"domain\":\"" + domain + "\"}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + "/api/v1/web/login"))
                .header("Origin", http.baseUrl()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return new AgentWebSession(http.baseUrl(), setCookie.substring(0, setCookie.indexOf(';')),
                JSON.readTree(r.body()).get("csrfToken").asText());
    }

    /** {@code PUT /api/v1/me/agent}; returns the agent's state after it. */
    JsonNode change(String json) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me/agent"))
                .header("Origin", base).header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("agent");
    }
}
