package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.LogCapture;
import com.crosspoint.testing.ApplianceExtension;
import com.crosspoint.testing.web.Dashboards;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The smaller faults of issue 10, item 7 (web side), against the real appliance: an extreme date in a CDR
 * filter, an admin changing its own password, a client that drops mid-body, and what answers give away.
 */
class WebAnswersIT {
    @RegisterExtension
    static final ApplianceExtension PBX = ApplianceExtension.start();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static AdminApi root;

    @BeforeAll
    static void login() {
        root = new AdminApi(PBX.get().appliance().httpPort(), Dashboards.ADMIN, Dashboards.ADMIN_PASSWORD);
    }
    private static final HttpClient HTTP = HttpClient.newHttpClient();



    @Test
    void anExtremeDateInACdrFilterIs400NamingTheField() throws Exception {
        for (String field : List.of("from", "to")) {
            for (String date : List.of("-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z")) {
                HttpResponse<String> r = send("GET", "/api/v1/tenants/" + PBX.get().tenant().id() + "/cdrs?" + field + "="
                        + URLEncoder.encode(date, StandardCharsets.UTF_8), root.token(), null);
                assertThat(r.statusCode()).as(field + "=" + date).isEqualTo(400);
                assertThat(JSON.readTree(r.body()).get("field").asText()).isEqualTo(field);
            }
        }
    }

    @Test
    void anAdminChangingItsOwnPasswordMustGiveTheCurrentOne() throws Exception {
        root.post("/admins", "{\"username\":\"carl\",\"password\":\"password-carl\",\"role\":\"ADMIN\",\"tenantId\":"
                + PBX.get().tenant().id() + "}");
        AdminApi carl = new AdminApi(PBX.get().appliance().httpPort(), "carl", "password-carl");
        long id = 0;
        for (JsonNode a : root.get("/admins")) {
            id = a.get("username").asText().equals("carl") ? a.get("id").asLong() : id;
        }
        String path = "/api/v1/admins/" + id + "/password";

        HttpResponse<String> none = send("PUT", path, carl.token(), "{\"password\":\"stolen-session-pw\"}");
        HttpResponse<String> wrong = send("PUT", path, carl.token(),
                "{\"password\":\"stolen-session-pw\",\"currentPassword\":\"not-it\"}");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(none.body()).get("field").asText()).isEqualTo("currentPassword");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(send("PUT", path, carl.token(),
                "{\"password\":\"new-password-carl\",\"currentPassword\":\"password-carl\"}").statusCode()).isEqualTo(204);
        // A superadmin resetting somebody else's password needs no current one.
        assertThat(send("PUT", path, root.token(), "{\"password\":\"reset-by-root\"}").statusCode()).isEqualTo(204);
        assertThat(new AdminApi(PBX.get().appliance().httpPort(), "carl", "reset-by-root").token()).isNotBlank();
    }

    @Test
    void aClientDroppingMidBodyLeavesNoErrorOrWarningInTheLog() throws Exception {
        try (LogCapture log = LogCapture.of("ROOT", Level.WARN)) {
            for (int i = 0; i < 5; i++) {
                try (Socket s = new Socket("127.0.0.1", PBX.get().appliance().httpPort())) {
                    s.getOutputStream().write(("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"username\":")
                            .getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    Thread.sleep(100);
                }
            }
            Thread.sleep(1000);
            assertThat(send("GET", "/api/v1/health", null, null).statusCode()).isEqualTo(200);
            assertThat(log.atLeast(Level.WARN)).isEmpty();
        }
    }

    @Test
    void answersAndErrorPagesNameNoServerOrVersion() throws Exception {
        for (String path : List.of("/api/v1/health", "/", "/no-such-file.html", "/api/v1/nosuch", "/api/v1/tenants")) {
            HttpResponse<String> r = send("GET", path, null, null);
            assertThat(r.headers().firstValue("Server")).as(path).isEmpty();
            assertThat(r.headers().firstValue("X-Powered-By")).as(path).isEmpty();
            assertThat(r.body().toLowerCase(Locale.ROOT)).as(path).doesNotContain("jetty").doesNotContain("12.1");
        }
        for (String raw : List.of("GET /api/v1/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "BREW / HTTP/1.1\r\nHost: localhost\r\n\r\n", "GET / HTTP/1.1\r\nHost: localhost\r\nX: "
                        + "x".repeat(20_000) + "\r\n\r\n", "NONSENSE\r\n\r\n")) {
            String answer = rawAnswer(raw);
            assertThat(answer).as(raw.substring(0, 12)).startsWith("HTTP/1.1 4");
            assertThat(answer.toLowerCase(Locale.ROOT)).as(raw.substring(0, 12))
                    .doesNotContain("server:").doesNotContain("jetty").doesNotContain("<html");
        }
    }

    private static String rawAnswer(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", PBX.get().appliance().httpPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.shutdownOutput();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.getInputStream().transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder rq = HttpRequest.newBuilder(URI.create(Dashboards.base(PBX.get()) + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            rq.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            rq.header("Content-Type", "application/json");
        }
        rq.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(rq.build(), HttpResponse.BodyHandlers.ofString());
    }
}
