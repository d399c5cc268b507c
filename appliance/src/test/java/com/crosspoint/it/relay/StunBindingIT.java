package com.crosspoint.it.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.relay.stun.AddressCodec;
import com.crosspoint.relay.stun.AttributeType;
import com.crosspoint.relay.stun.DecodeResult;
import com.crosspoint.relay.stun.StunClass;
import com.crosspoint.relay.stun.StunDecoder;
import com.crosspoint.relay.stun.StunMessage;
import com.crosspoint.relay.stun.StunMessageBuilder;
import com.crosspoint.relay.stun.StunMethod;
import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.Executables;
import com.crosspoint.testing.RawSipClient;
import com.crosspoint.testing.ShortCommand;
import com.crosspoint.testing.StunClient;
import com.crosspoint.testing.TestAppliance;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * STUN Binding against the real appliance: on the TURN port over UDP and TCP, and on the SIP UDP port (RFC 5626
 * keepalives), where SIP keeps working alongside; RFC 3489 clients; coturn's turnutils_stunclient; garbage, oversize
 * and truncated datagrams; a flood from one source stopping at the per-source limit.
 */
class StunBindingIT {
    private static final int LIMIT = 50;
    private static TestAppliance pbx;
    private static InetSocketAddress turnPort;
    private static InetSocketAddress sipPort;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start(Map.of("turn.port", "0", "turn.requestsPerSecondPerSource", String.valueOf(LIMIT)));
        turnPort = new InetSocketAddress("127.0.0.1", pbx.appliance().stunTurn().port());
        sipPort = new InetSocketAddress("127.0.0.1", pbx.sipPort());
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void bindingOnTheTurnPortTellsTheMappedAddressWithoutAVersion() {
        try (StunClient client = new StunClient(turnPort)) {
            StunMessage answer = client.request(StunMethod.BINDING, b -> b).orElseThrow();

            assertThat(answer.stunClass()).isEqualTo(StunClass.SUCCESS);
            assertThat(AddressCodec.read(answer, AttributeType.XOR_MAPPED_ADDRESS)).contains(client.localAddress());
            assertThat(answer.text(AttributeType.SOFTWARE)).contains("Crosspoint");
            assertThat(answer.has(AttributeType.FINGERPRINT)).isTrue();
        }
    }

    @Test
    void bindingOnTheSipPortIsAnsweredAndSipStillWorks() {
        try (StunClient client = new StunClient(sipPort)) {
            StunMessage answer = client.request(StunMethod.BINDING, b -> b).orElseThrow();
            assertThat(AddressCodec.read(answer, AttributeType.XOR_MAPPED_ADDRESS)).contains(client.localAddress());
        }
        try (RawSipClient sip = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            String uri = "sip:" + pbx.sipHostPort();
            var options = sip.send(sip.request("OPTIONS", uri, "sip:probe@" + TestAppliance.DOMAIN, uri,
                    UUID.randomUUID().toString(), 1, List.of(), null), Duration.ofSeconds(5));
            assertThat(options.status()).isEqualTo(200);
        }
    }

    @Test
    void classicClientsGetMappedAddress() {
        byte[] tid = new byte[16];
        new Random().nextBytes(tid);
        tid[0] = 0x7F; // not the magic cookie
        try (StunClient client = new StunClient(turnPort)) {
            client.sendRaw(new StunMessageBuilder(StunMethod.BINDING, StunClass.REQUEST, tid).build(false));
            StunMessage answer = decode(client.receive(2000).orElseThrow());
            assertThat(answer.classic()).isTrue();
            assertThat(AddressCodec.read(answer, AttributeType.MAPPED_ADDRESS)).contains(client.localAddress());
        }
    }

    @Test
    void bindingOverTcp() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(turnPort, 2000);
            socket.setSoTimeout(3000);
            byte[] tid = new byte[12];
            new Random().nextBytes(tid);
            OutputStream out = socket.getOutputStream();
            byte[] request = new StunMessageBuilder(StunMethod.BINDING, StunClass.REQUEST, tid).build(true);
            // Two requests in one write, the second split: the framing must find both.
            out.write(request);
            out.write(request, 0, 7);
            out.flush();
            out.write(request, 7, request.length - 7);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            for (int i = 0; i < 2; i++) {
                byte[] header = new byte[20];
                in.readFully(header);
                byte[] whole = java.util.Arrays.copyOf(header, 20 + (((header[2] & 0xFF) << 8) | (header[3] & 0xFF)));
                in.readFully(whole, 20, whole.length - 20);
                StunMessage answer = decode(whole);
                assertThat(AddressCodec.read(answer, AttributeType.XOR_MAPPED_ADDRESS))
                        .contains((InetSocketAddress) socket.getLocalSocketAddress());
            }
        }
    }

    @Test
    void coturnStunClientFindsItsReflexiveAddressOnBothPorts() {
        Executables.assumeInstalled("turnutils_stunclient");
        for (InetSocketAddress port : List.of(turnPort, sipPort)) {
            var result = ShortCommand.run(Duration.ofSeconds(20), List.of("timeout", "10", "turnutils_stunclient",
                    "-p", String.valueOf(port.getPort()), "127.0.0.1"));
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).as("port " + port.getPort()).contains("UDP reflexive addr: 127.0.0.1:");
        }
    }

    @Test
    void garbageOversizeAndTruncatedDatagramsAreDroppedAndTheServerAnswersOn() {
        try (StunClient client = new StunClient(turnPort)) {
            Random random = new Random(5769);
            byte[] oversize = new byte[65_000];
            random.nextBytes(oversize);
            oversize[0] = 0;
            client.sendRaw(oversize);
            byte[] binding = new StunMessageBuilder(StunMethod.BINDING, StunClass.REQUEST, new byte[12]).build(true);
            for (int cut = 0; cut < binding.length; cut += 3) {
                client.sendRaw(java.util.Arrays.copyOf(binding, cut));
            }
            for (int i = 0; i < 200; i++) {
                byte[] noise = new byte[1 + random.nextInt(300)];
                random.nextBytes(noise);
                client.sendRaw(noise);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> pbx.appliance().stunTurn().counters().malformed() > 0);
        }
        try (StunClient fresh = new StunClient(turnPort)) {
            assertThat(fresh.request(StunMethod.BINDING, b -> b)).as("still answering").isPresent();
        }
        // What an admin sees of it.
        JsonNode status = new AdminApi(pbx.appliance().httpPort(), "admin", "admin-secret").get("/turn");
        assertThat(status.get("malformed").asLong()).isPositive();
        assertThat(status.get("notStun").asLong()).isPositive();
        assertThat(status.get("bindings").asLong()).isPositive();
        assertThat(status.get("allocations").asInt()).isZero();
    }

    @Test
    void aFloodFromOneSourceIsAnsweredOnlyUpToTheLimit() throws Exception {
        try (StunClient flooder = new StunClient(sipPort); StunClient turnFlooder = new StunClient(turnPort)) {
            Thread.sleep(1000 - System.currentTimeMillis() % 1000); // start of a second: one window
            for (int i = 0; i < 400; i++) {
                byte[] tid = new byte[12];
                tid[0] = (byte) i;
                tid[1] = (byte) (i >> 8);
                byte[] request = new StunMessageBuilder(StunMethod.BINDING, StunClass.REQUEST, tid).build(true);
                flooder.sendRaw(request);
                turnFlooder.sendRaw(request);
            }
            assertThat(count(flooder)).as("SIP port").isBetween(LIMIT / 2, 2 * LIMIT);
            assertThat(count(turnFlooder)).as("TURN port").isBetween(LIMIT / 2, 2 * LIMIT);
            Thread.sleep(1100);
            assertThat(flooder.request(StunMethod.BINDING, b -> b)).as("a new second").isPresent();
        }
    }

    private static int count(StunClient client) {
        int answers = 0;
        while (client.receive(500).isPresent()) {
            answers++;
        }
        return answers;
    }

    private static StunMessage decode(byte[] bytes) {
        DecodeResult r = StunDecoder.decode(bytes);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) r).message();
    }

}
