package com.crosspoint.testing.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.testing.TestAppliance;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A user logged in to the web dashboard (session cookie and CSRF token), calling the API as the dashboard does. */
public final class AgentWeb {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String base;
    private final String session;
    private final String csrf;

    private AgentWeb(String base, String session, String csrf) {
        this.base = base;
        this.session = session;
        this.csrf = csrf;
    }

    /** Logs {@code extension} of the test tenant in with its web password. */
    public static AgentWeb login(TestAppliance pbx, String extension, String password) throws Exception {
        String base = Dashboards.base(pbx);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/web/login"))
                .header("Content-Type", "application/json").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"user\",\"extension\":\"" + extension
                        + "\",\"password\":\"" + password + "\",\"domain\":\"" + TestAppliance.DOMAIN + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return new AgentWeb(base, cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';')),
                JSON.readTree(r.body()).get("csrfToken").asText());
    }

    public String session() {
        return session;
    }

    /** A 2xx answer's JSON body (null when empty); any other status fails the test. */
    public JsonNode call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", "crosspoint_session=" + session).header("Origin", base)
                .header("X-CSRF-Token", csrf).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
        return r.body().isEmpty() ? null : JSON.readTree(r.body());
    }
}
