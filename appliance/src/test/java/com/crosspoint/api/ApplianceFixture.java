package com.crosspoint.api;

import com.crosspoint.boot.Appliance;
import com.crosspoint.config.ConfigLoader;
import com.crosspoint.config.CrosspointConfig;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * A real appliance on loopback over a temporary data directory, with an HTTP client for its API.
 * One per test class: start it in {@code @BeforeAll}, close it in {@code @AfterAll}.
 */
public final class ApplianceFixture implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "admin-secret-1";

    private final Appliance appliance;
    private final HttpJson http;

    private ApplianceFixture(Appliance appliance) {
        this.appliance = appliance;
        this.http = new HttpJson("http://127.0.0.1:" + appliance.httpPort());
    }

    public static ApplianceFixture start(Path dataDir) {
        return new ApplianceFixture(Appliance.start(config(dataDir)));
    }

    public static CrosspointConfig config(Path dataDir) {
        return new ConfigLoader(Map.of()).load(Optional.empty(), Map.of(
                "data.dir", dataDir.toString(),
                "sip.port", Integer.toString(freeSipPort()), "turn.port", "0", "router.port", "0",
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

    /** The appliance's services, for a second API server with a stand-in for one of them. */
    public ApiServices services(com.crosspoint.call.CallControl callControl) {
        Appliance a = appliance;
        return new ApiServices(a.config().node().name(), a::sipPort,
                a.config().network().advertisedAddress(), a.stores(), a.directory(), a.provisioning(),
                a.registrar(), a.activeCalls(), callControl, a.messages(), a.voicemail(), a.attendant(), a.events(), Clock.systemUTC(),
                a.conferences(), a.media());
    }

    public Appliance appliance() {
        return appliance;
    }

    public HttpJson http() {
        return http;
    }

    public String baseUrl() {
        return http.baseUrl();
    }

    public String loginAdmin() {
        return http.login("admin", ADMIN_PASSWORD);
    }

    public String login(String username, String password) {
        return http.login(username, password);
    }

    public HttpJson.Res get(String path, String token) {
        return http.get(path, token);
    }

    public HttpJson.Res post(String path, String token, String body) {
        return http.post(path, token, body);
    }

    public HttpJson.Res put(String path, String token, String body) {
        return http.put(path, token, body);
    }

    public HttpJson.Res delete(String path, String token) {
        return http.delete(path, token);
    }

    public HttpJson.Res send(String method, String path, String token, String body) {
        return http.send(method, path, token, body);
    }

    public HttpJson.Res send(String method, String path, String token, String body, String contentType) {
        return http.send(method, path, token, body, contentType);
    }

    /** Creates a tenant as the superadmin and returns its id. */
    public long createTenant(String token, String name, String domain) {
        HttpJson.Res r = post("/api/v1/tenants", token, "{\"name\":\"" + name + "\",\"domain\":\"" + domain + "\"}");
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
