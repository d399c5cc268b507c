package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.CarrierEdgeClient;
import com.crosspoint.api.HttpJson;
import com.crosspoint.media.codec.G711Ulaw;
import com.crosspoint.testing.HarnessFiles;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import com.crosspoint.testing.SippRunner;
import com.crosspoint.testing.TestAppliance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A node that runs only the call router ({@code node.roles: router}) on loopback, with carriers and rate decks set
 * up over its API, and the SIPp parts of the router ITs: carriers as UAS scenarios, a PBX as the UAC.
 */
final class RouterHarness implements AutoCloseable {
    static final String NUMBER = "+16175551234";
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TestAppliance node;
    private HttpJson http;
    private String admin;
    private CarrierEdgeClient edge;

    private RouterHarness(Map<String, String> overrides) {
        Map<String, String> o = new HashMap<>(Map.of("node.roles", "router", "router.port", "0",
                "router.customers", "127.0.0.1", "router.probeSeconds", "0", "router.silenceMillis", "600"));
        o.putAll(overrides);
        node = TestAppliance.start(o);
        http = new HttpJson("http://127.0.0.1:" + node.appliance().httpPort());
        admin = http.login("admin", "admin-secret");
        edge = new CarrierEdgeClient(http, admin);
    }

    static RouterHarness start(Map<String, String> overrides) {
        return new RouterHarness(overrides);
    }

    /** Stops the node and starts it again on its data directory (new ports), with the same settings. */
    void restart(Map<String, String> overrides) {
        Map<String, String> o = new HashMap<>(Map.of("node.roles", "router", "router.port", "0",
                "router.customers", "127.0.0.1", "router.probeSeconds", "0", "router.silenceMillis", "600"));
        o.putAll(overrides);
        node = TestAppliance.restart(node, o);
        http = new HttpJson("http://127.0.0.1:" + node.appliance().httpPort());
        admin = http.login("admin", "admin-secret");
        edge = new CarrierEdgeClient(http, admin);
    }

    TestAppliance node() {
        return node;
    }

    int port() {
        return node.appliance().routerPort();
    }

    /** A carrier on 127.0.0.1:{@code port} rated at {@code rate} per minute for every +1 number; returns its id. */
    long carrier(String name, int port, String rate, String techPrefix, int maxChannels) {
        return carrier("{\"name\":\"" + name + "\",\"host\":\"127.0.0.1\",\"port\":" + port + ",\"techPrefix\":\""
                + techPrefix + "\",\"maxChannels\":" + maxChannels + "}", "1", rate);
    }

    /** A carrier on {@code host:port} rated at {@code rate} for the numbers starting with {@code deckPrefix}. */
    long carrier(String name, String host, int port, String deckPrefix, String rate) {
        return carrier("{\"name\":\"" + name + "\",\"host\":\"" + host + "\",\"port\":" + port + "}", deckPrefix, rate);
    }

    /** A carrier made of this JSON, with a deck of one row; returns its id. */
    long carrier(String json, String deckPrefix, String rate) {
        HttpJson.Res r = http.post("/api/v1/carriers", admin, json);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        long id = r.body().get("id").asLong();
        assertThat(edge.importDeck(id, "prefix,rate,effective_from\n" + deckPrefix + "," + rate + ",2020-01-01\n")
                .path("state").asText()).isEqualTo("DONE");
        return id;
    }

    long started(long carrierId) {
        return node.appliance().callRouter().totals().of(carrierId).started();
    }

    /** A SIPp carrier that answers {@code calls} calls and exits, checking the Request-URI's user is {@code user}. */
    static SippProcess answering(String name, int port, String user, int calls) {
        return answering(name, port, user, calls, TIMEOUT);
    }

    /** As {@link #answering(String, int, String, int)}, SIPp giving up after {@code timeout} in all. */
    static SippProcess answering(String name, int port, String user, int calls, Duration timeout) {
        return SippRunner.scenarioFile(filled("sipp/router-carrier.xml", Map.of("__USER__", user.replace("+", "\\+"))))
                .name(name).localPort(port).calls(calls).timeout(timeout).start();
    }

    /** A SIPp carrier that refuses every call with {@code status}, e.g. "503 Service Unavailable". */
    static SippProcess refusing(String name, int port, String status, int calls) {
        return SippRunner.scenarioFile(filled("sipp/uas-refuse.xml", Map.of("__STATUS__", status))).name(name)
                .localPort(port).calls(calls).timeout(TIMEOUT).start();
    }

    /** The PBX: {@code calls} calls to {@link #NUMBER} through the router from {@code sourceIp}. */
    SippResult call(String name, int calls, double rate, Duration talk, String sourceIp) {
        return call(name, NUMBER, calls, rate, talk, sourceIp);
    }

    /** The PBX: {@code calls} calls to {@code number} through the router from {@code sourceIp}. */
    SippResult call(String name, String number, int calls, double rate, Duration talk, String sourceIp) {
        return SippRunner.scenario("sipp/proxy-uac.xml").name(name).remote("127.0.0.1", port()).calls(calls)
                .rate(rate).callDuration(talk).timeout(TIMEOUT).args("-s", number, "-i", sourceIp).run();
    }

    HttpJson http() {
        return http;
    }

    String adminSession() {
        return admin;
    }

    /** The value of one series (name with its labels as written) of the node's {@code /metrics}, read as admin. */
    double metric(String series) {
        return metric(http, admin, series);
    }

    /** The value of one series of {@code /metrics} of the node {@code http} talks to, read with {@code admin}. */
    static double metric(HttpJson http, String admin, String series) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.baseUrl()
                    + "/metrics")).header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body().lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(
                    l.substring(series.length() + 1))).findFirst().orElseThrow(() -> new AssertionError("no " + series));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A carrier (SIPp UAS) that answers calls to {@code number} presenting {@code callerId} and plays a tone of
     * {@code hz} until the caller hangs up; it ends after {@code calls} calls.
     */
    static SippProcess toneCarrier(String name, int port, String number, String callerId, double hz, int calls,
                                   Duration timeout) throws IOException {
        Path tone = HarnessFiles.logDir(name).resolve("tone-" + (int) hz + ".ulaw");
        byte[] samples = new byte[8000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = G711Ulaw.encodeSample((int) Math.round(12000 * Math.sin(2 * Math.PI * hz * i / 8000)));
        }
        Files.write(tone, samples);
        return SippRunner.scenarioFile(filled("sipp/uas-carrier-tone.xml", Map.of("__NUMBER__", "\\" + number,
                        "__CALLER_ID__", "\\" + callerId, "__TONE_FILE__", tone.toString())))
                .name(name).localPort(port).calls(calls).timeout(timeout).start();
    }

    static Path filled(String resource, Map<String, String> values) {
        try {
            String text;
            try (InputStream in = RouterHarness.class.getClassLoader().getResourceAsStream(resource)) {
                text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            for (var e : values.entrySet()) {
                text = text.replace(e.getKey(), e.getValue());
            }
            Path file = Files.createTempFile(HarnessFiles.logDir("scenarios"), "scenario", ".xml");
            Files.writeString(file, text, StandardCharsets.ISO_8859_1);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        node.close();
    }
}
