package com.crosspoint.api;

import com.crosspoint.boot.Appliance;
import com.crosspoint.config.ConfigLoader;
import com.crosspoint.config.CrosspointConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A real appliance on ephemeral SIP and HTTP ports over a temporary data directory, and an HTTP
 * client for its API. One per test class: start it in {@code @BeforeAll}, close it in {@code @AfterAll}.
 */
public final class ApplianceFixture implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "admin-secret-1";

    private final Appliance appliance;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private ApplianceFixture(Appliance appliance) {
        this.appliance = appliance;
    }

    public static ApplianceFixture start(Path dataDir) {
        return new ApplianceFixture(Appliance.start(config(dataDir)));
    }

    public static CrosspointConfig config(Path dataDir) {
        return new ConfigLoader(Map.of()).load(Optional.empty(), Map.of(
                "data.dir", dataDir.toString(),
                "sip.port", Integer.toString(freeSipPort()),
                "http.port", "0",
                "network.bind", "127.0.0.1",
                "admin.password", ADMIN_PASSWORD));
    }

    /**
     * A port free for UDP and TCP. This branch's SIP server cannot bind port 0 yet (JAIN-SIP refuses
     * it), so the test picks one; HTTP uses a real ephemeral port.
     */
    private static int freeSipPort() {
        for (int i = 0; i < 50; i++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                 ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), udp.getLocalPort()));
                return udp.getLocalPort();
            } catch (IOException taken) {
                // The TCP side of this number is taken: try another one.
            }
        }
        throw new IllegalStateException("no port free for UDP and TCP on loopback");
    }

    public Appliance appliance() {
        return appliance;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + appliance.httpPort();
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

    public String loginAdmin() {
        return login("admin", ADMIN_PASSWORD);
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
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10));
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
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = r.body().isEmpty() ? null : json.readTree(r.body());
            return new Res(r.statusCode(), parsed, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a tenant as the superadmin and returns its id. */
    public long createTenant(String token, String name, String domain) {
        Res r = post("/api/v1/tenants", token, "{\"name\":\"" + name + "\",\"domain\":\"" + domain + "\"}");
        if (r.status() != 201) {
            throw new IllegalStateException("tenant " + domain + ": " + r.status() + " " + r.raw().body());
        }
        return r.body().get("id").asLong();
    }

    @Override
    public void close() {
        appliance.close();
    }
}
