package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboards' files: from the real appliance (classpath web/ of the web-chat module), and from a
 * folder laid out like web/ on a bare Jetty with the same handler, with a secret next to it that
 * no path may reach.
 */
class StaticAssetsTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;
    static ApplianceFixture app;
    static Server bare;
    static String bareUrl;

    @BeforeAll
    static void start() throws Exception {
        app = ApplianceFixture.start(dir.resolve("data"));
        Path web = dir.resolve("site/web");
        Files.createDirectories(web.resolve("user"));
        Files.createDirectories(web.resolve("admin"));
        Files.createDirectories(web.resolve("assets/js"));
        Files.writeString(web.resolve("index.html"), "<!doctype html><title>login</title>");
        Files.writeString(web.resolve("user/index.html"), "<!doctype html><title>user dashboard</title>");
        Files.writeString(web.resolve("admin/index.html"), "<!doctype html><title>admin dashboard</title>");
        Files.writeString(web.resolve("assets/js/api.js"), "export const x = 1;");
        Files.writeString(dir.resolve("site/secret.txt"), "TOP SECRET");

        bare = new Server();
        ServerConnector connector = new ServerConnector(bare);
        connector.setHost("127.0.0.1");
        bare.addConnector(connector);
        bare.setHandler(new StaticAssets(ResourceFactory.of(bare).newResource(web)));
        bare.start();
        bareUrl = "http://127.0.0.1:" + connector.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        bare.stop();
    }

    static HttpResponse<String> get(String base, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request line sent byte for byte, so no client normalises the path first. */
    static String raw(String base, String path) throws IOException {
        URI u = URI.create(base);
        try (Socket s = new Socket(u.getHost(), u.getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + u.getHost() + ":" + u.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theRootServesIndexHtmlWithTheSecurityHeaders() throws Exception {
        HttpResponse<String> r = get(app.baseUrl(), "/");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(r.body()).contains("<html");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'; script-src 'self'; "
                + "style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                + "frame-ancestors 'none'; form-action 'self'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(get(app.baseUrl(), "/index.html").body()).isEqualTo(r.body());
    }

    @Test
    void unknownFilesAre404AndApiPathsNeverFallThroughToFiles() throws Exception {
        assertThat(get(app.baseUrl(), "/assets/nonexistent").statusCode()).isEqualTo(404);
        HttpResponse<String> api = get(app.baseUrl(), "/api/index.html");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(get(app.baseUrl(), "/api/v1/nope").body()).contains("no such endpoint");
    }

    @Test
    void traversalIsNotServedByTheAppliance() throws Exception {
        for (String path : new String[]{"/..%2f..%2fetc/passwd", "/assets/../../", "/assets/../../etc/passwd",
                "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%5c..%5cetc%5cpasswd", "/web/index.html"}) {
            String answer = raw(app.baseUrl(), path);
            assertThat(answer).as(path).startsWith("HTTP/1.1 4").doesNotContain("root:");
        }
    }

    @Test
    void dashboardFoldersServeTheirIndex() throws Exception {
        HttpResponse<String> user = get(bareUrl, "/user/");
        HttpResponse<String> admin = get(bareUrl, "/admin/");
        HttpResponse<String> js = get(bareUrl, "/assets/js/api.js");

        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("user dashboard");
        assertThat(user.headers().firstValue("Content-Security-Policy")).hasValue(StaticAssets.CSP);
        assertThat(admin.body()).contains("admin dashboard");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
        assertThat(js.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void foldersAreNotListed() throws Exception {
        HttpResponse<String> assets = get(bareUrl, "/assets/");
        HttpResponse<String> js = get(bareUrl, "/assets/js/");

        assertThat(assets.statusCode()).isIn(403, 404);
        assertThat(js.statusCode()).isIn(403, 404);
        assertThat(js.body()).doesNotContain("api.js");
    }

    @Test
    void nothingOutsideTheFolderIsReachable() throws Exception {
        for (String path : new String[]{"/..%2fsecret.txt", "/../secret.txt", "/assets/../../secret.txt",
                "/%2e%2e/secret.txt", "/user/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt", "/user/..%2f..%2fsecret.txt"}) {
            String answer = raw(bareUrl, path);
            assertThat(answer).as(path).startsWith("HTTP/1.1 4").doesNotContain("TOP SECRET");
        }
    }
}
