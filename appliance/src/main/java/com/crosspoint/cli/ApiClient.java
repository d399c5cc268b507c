package com.crosspoint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The admin commands' HTTP client of the public JSON API: logs in once, sends requests with the
 * token, turns error answers into {@link ApiCallException}, and logs out when closed.
 */
final class ApiClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;
    private final PrintWriter err;
    private String token;

    ApiClient(String baseUrl, PrintWriter err) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.err = err;
    }

    ObjectMapper json() {
        return json;
    }

    void login(String user, String password) {
        ObjectNode body = json.createObjectNode().put("username", user).put("password", password);
        token = send("POST", "/api/v1/auth/login", body).get("token").asText();
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, JsonNode body) {
        return send("POST", path, body);
    }

    JsonNode put(String path, JsonNode body) {
        return send("PUT", path, body);
    }

    JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    /** A path segment, percent-encoded (Call-IDs hold '@', '/', '%'). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A file the API serves (a statement's CSV or PDF), as its bytes. */
    byte[] download(String path) {
        HttpRequest.Builder rq = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT).GET();
        if (token != null) {
            rq.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(rq.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ApiCallException("cannot reach the appliance at " + baseUrl + " (" + describe(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiCallException("interrupted", e);
        }
        if (response.statusCode() >= 400) {
            JsonNode answer = parse(new String(response.body(), StandardCharsets.UTF_8), response.statusCode());
            throw new ApiCallException(answer.path("error").asText("HTTP " + response.statusCode()));
        }
        return response.body();
    }

    /** The answer's JSON, or an empty object for answers without a body. */
    private JsonNode send(String method, String path, JsonNode body) {
        HttpRequest.Builder rq = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (token != null) {
            rq.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            rq.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            rq.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(rq.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiCallException("cannot reach the appliance at " + baseUrl + " (" + describe(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiCallException("interrupted", e);
        }
        JsonNode answer = parse(response.body(), response.statusCode());
        if (response.statusCode() >= 400) {
            String message = answer.path("error").asText("HTTP " + response.statusCode());
            String field = answer.path("field").isTextual() ? " (" + answer.get("field").asText() + ")" : "";
            throw new ApiCallException(message + field);
        }
        return answer;
    }

    private JsonNode parse(String text, int status) {
        if (text == null || text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new ApiCallException("HTTP " + status + " with a body that is not JSON; is " + baseUrl
                    + " a Crosspoint appliance?", e);
        }
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName().replace("Exception", "").toLowerCase(Locale.ROOT);
        return e.getMessage() == null ? name : e.getMessage();
    }

    /** Ends the login, so a script's runs do not pile up tokens on the appliance. */
    @Override
    public void close() {
        if (token == null) {
            return;
        }
        try {
            send("POST", "/api/v1/auth/logout", null);
        } catch (ApiCallException e) {
            err.println("crosspoint: warning: logout failed: " + e.getMessage());
        } finally {
            token = null;
        }
    }
}
