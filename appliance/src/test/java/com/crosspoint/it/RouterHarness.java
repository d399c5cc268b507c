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

    private final TestAppliance node;
    private final HttpJson http;
    private final String admin;
    private final CarrierEdgeClient edge;

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

    TestAppliance node() {
        return node;
    }

    int port() {
        return node.appliance().routerPort();
    }

    /** A carrier on 127.0.0.1:{@code port} rated at {@code rate} per minute for every +1 number; returns its id. */
    long carrier(String name, int port, String rate, String techPrefix, int maxChannels) {
        HttpJson.Res r = http.post("/api/v1/carriers", admin, "{\"name\":\"" + name + "\",\"host\":\"127.0.0.1\","
                + "\"port\":" + port + ",\"techPrefix\":\"" + techPrefix + "\",\"maxChannels\":" + maxChannels + "}");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        long id = r.body().get("id").asLong();
        assertThat(edge.importDeck(id, "prefix,rate,effective_from\n1," + rate + ",2020-01-01\n").path("state")
                .asText()).isEqualTo("DONE");
        return id;
    }

    long started(long carrierId) {
        return node.appliance().callRouter().totals().of(carrierId).started();
    }

    /** A SIPp carrier that answers {@code calls} calls and exits, checking the Request-URI's user is {@code user}. */
    static SippProcess answering(String name, int port, String user, int calls) {
        return SippRunner.scenarioFile(filled("sipp/router-carrier.xml", Map.of("__USER__", user.replace("+", "\\+"))))
                .name(name).localPort(port).calls(calls).timeout(TIMEOUT).start();
    }

    /** A SIPp carrier that refuses every call with {@code status}, e.g. "503 Service Unavailable". */
    static SippProcess refusing(String name, int port, String status, int calls) {
        return SippRunner.scenarioFile(filled("sipp/uas-refuse.xml", Map.of("__STATUS__", status))).name(name)
                .localPort(port).calls(calls).timeout(TIMEOUT).start();
    }

    /** The PBX: {@code calls} calls to {@link #NUMBER} through the router from {@code sourceIp}. */
    SippResult call(String name, int calls, double rate, Duration talk, String sourceIp) {
        return SippRunner.scenario("sipp/proxy-uac.xml").name(name).remote("127.0.0.1", port()).calls(calls)
                .rate(rate).callDuration(talk).timeout(TIMEOUT).args("-s", NUMBER, "-i", sourceIp).run();
    }

    /**
     * A carrier (SIPp UAS) that answers calls to {@code number} presenting {@code callerId} and plays a tone of
     * {@code hz} until the caller hangs up.
     */
    static SippProcess toneCarrier(String name, int port, String number, String callerId, double hz, Duration timeout)
            throws IOException {
        Path tone = HarnessFiles.logDir(name).resolve("tone-" + (int) hz + ".ulaw");
        byte[] samples = new byte[8000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = G711Ulaw.encodeSample((int) Math.round(12000 * Math.sin(2 * Math.PI * hz * i / 8000)));
        }
        Files.write(tone, samples);
        return SippRunner.scenarioFile(filled("sipp/uas-carrier-tone.xml", Map.of("__NUMBER__", "\\" + number,
                        "__CALLER_ID__", "\\" + callerId, "__TONE_FILE__", tone.toString())))
                .name(name).localPort(port).timeout(timeout).start();
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
