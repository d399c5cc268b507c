package com.crosspoint.it.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.relay.stun.AddressCodec;
import com.crosspoint.relay.stun.AttributeType;
import com.crosspoint.relay.stun.ChannelData;
import com.crosspoint.relay.stun.StunClass;
import com.crosspoint.relay.stun.StunMessage;
import com.crosspoint.relay.stun.StunMessageBuilder;
import com.crosspoint.relay.stun.StunMethod;
import com.crosspoint.testing.StunClient;
import com.crosspoint.testing.TestAppliance;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TURN's limits on the real appliance without an allow-list: loopback and the node's own addresses are refused as
 * peers (403); one user's allocation flood stops at 486 while other users still allocate, and the tenant's quota
 * holds too; a fuzzed and truncated corpus of TURN messages and ChannelData over UDP and TCP crashes nothing and
 * leaves no allocation behind.
 */
class TurnLimitsIT {
    private static TestAppliance pbx;
    private static InetSocketAddress server;

    @BeforeAll
    static void start() {
        // The fuzz corpus fails authentication on purpose, from loopback like every client here: no blocking.
        pbx = TestAppliance.start(Map.of("turn.port", "0", "turn.allocationsPerUser", "3",
                "turn.allocationsPerTenant", "5", "sip.auth.failureLimit", "100000",
                "sip.auth.account.failureLimit", "100000", "turn.requestsPerSecondPerSource", "100000",
                "turn.tcpConnectionsPerSource", "32"));
        server = new InetSocketAddress("127.0.0.1", pbx.appliance().stunTurn().port());
        TurnAccounts accounts = new TurnAccounts(pbx);
        for (String user : List.of("3001", "3002", "3003")) {
            accounts.create(user, "sip-" + user + "-pw");
        }
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void loopbackAndTheNodesOwnAddressesAreRefusedAsPeers() {
        try (StunClient client = client("3003")) {
            assertThat(client.allocate().stunClass()).isEqualTo(StunClass.SUCCESS);
            assertThat(StunClient.code(client.createPermission(new InetSocketAddress("127.0.0.1", 9)))).isEqualTo(403);
            Optional<InetAddress> own = ownNonLoopbackAddress();
            if (own.isPresent()) {
                assertThat(StunClient.code(client.createPermission(new InetSocketAddress(own.get(), 9))))
                        .as("own address " + own.get()).isEqualTo(403);
            }
            assertThat(StunClient.code(client.authenticated(StunMethod.CHANNEL_BIND, b -> b
                    .addUint32(AttributeType.CHANNEL_NUMBER, 0x4000L << 16)
                    .addXorAddress(AttributeType.XOR_PEER_ADDRESS, new InetSocketAddress("127.0.0.1", 9)))))
                    .isEqualTo(403);
            assertThat(client.refresh(0).stunClass()).isEqualTo(StunClass.SUCCESS);
        }
    }

    @Test
    void anAllocationFloodFromOneUserStopsAt486WhileOthersStillAllocate() {
        List<StunClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                StunClient c = track(clients, client("3001"));
                assertThat(c.allocate().stunClass()).isEqualTo(StunClass.SUCCESS);
            }
            for (int i = 0; i < 5; i++) {
                assertThat(StunClient.code(track(clients, client("3001")).allocate())).isEqualTo(486);
            }
            assertThat(track(clients, client("3002")).allocate().stunClass()).as("another user")
                    .isEqualTo(StunClass.SUCCESS);
            assertThat(track(clients, client("3002")).allocate().stunClass()).isEqualTo(StunClass.SUCCESS);
            assertThat(StunClient.code(track(clients, client("3002")).allocate())).as("the tenant's 5")
                    .isEqualTo(486);
            assertThat(pbx.appliance().stunTurn().turn().allocationCount()).isEqualTo(5);
        } finally {
            clients.forEach(c -> {
                c.refresh(0);
                c.close();
            });
        }
        assertThat(pbx.appliance().stunTurn().turn().allocationCount()).isZero();
    }

    @Test
    void aReservationTokenIsGoodOnceAndNotWithEvenPort() {
        try (StunClient rtp = client("3003"); StunClient rtcp = client("3003"); StunClient late = client("3003")) {
            StunMessage first = rtp.authenticated(StunMethod.ALLOCATE, b -> b
                    .add(AttributeType.REQUESTED_TRANSPORT, new byte[] {17, 0, 0, 0})
                    .add(AttributeType.EVEN_PORT, new byte[] {(byte) 0x80, 0, 0, 0}));
            assertThat(first.stunClass()).isEqualTo(StunClass.SUCCESS);
            int even = AddressCodec.read(first, AttributeType.XOR_RELAYED_ADDRESS).orElseThrow().getPort();
            byte[] token = first.value(AttributeType.RESERVATION_TOKEN).orElseThrow();
            assertThat(even % 2).isZero();

            assertThat(StunClient.code(rtcp.authenticated(StunMethod.ALLOCATE, b -> b
                    .add(AttributeType.REQUESTED_TRANSPORT, new byte[] {17, 0, 0, 0})
                    .add(AttributeType.EVEN_PORT, new byte[4]).add(AttributeType.RESERVATION_TOKEN, token))))
                    .as("token and EVEN-PORT together").isEqualTo(400);
            StunMessage second = rtcp.authenticated(StunMethod.ALLOCATE, b -> b
                    .add(AttributeType.REQUESTED_TRANSPORT, new byte[] {17, 0, 0, 0})
                    .add(AttributeType.RESERVATION_TOKEN, token));
            assertThat(AddressCodec.read(second, AttributeType.XOR_RELAYED_ADDRESS).orElseThrow().getPort())
                    .isEqualTo(even + 1);
            assertThat(StunClient.code(late.authenticated(StunMethod.ALLOCATE, b -> b
                    .add(AttributeType.REQUESTED_TRANSPORT, new byte[] {17, 0, 0, 0})
                    .add(AttributeType.RESERVATION_TOKEN, token)))).as("used once").isEqualTo(508);
            for (StunClient c : List.of(rtp, rtcp)) {
                assertThat(c.refresh(0).stunClass()).isEqualTo(StunClass.SUCCESS);
            }
        }
    }

    @Test
    void fuzzedTurnMessagesAndChannelDataCrashNothingAndLeakNoAllocation() throws IOException {
        Random random = new Random(8656);
        List<byte[]> seeds = seeds();
        try (StunClient victim = client("3003"); StunClient fuzzer = new StunClient(server)) {
            assertThat(victim.allocate().stunClass()).isEqualTo(StunClass.SUCCESS);
            for (int i = 0; i < 3000; i++) {
                byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
                fuzzer.sendRaw(input);
                if (i % 3 == 0) {
                    victim.sendRaw(input); // on a 5-tuple that has an allocation
                }
            }
            try (Socket tcp = new Socket()) {
                tcp.connect(server, 2000);
                OutputStream out = tcp.getOutputStream();
                for (int i = 0; i < 500; i++) {
                    out.write(mutate(seeds.get(random.nextInt(seeds.size())), random));
                }
                out.flush();
            } catch (IOException closedByServer) {
                // Garbage ends a stream connection: the server is allowed to hang up on us.
            }
            assertThat(victim.refresh(0).stunClass()).as("the server still serves").isEqualTo(StunClass.SUCCESS);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.appliance().stunTurn().turn().allocationCount() == 0
                && pbx.appliance().stunTurn().openConnections() == 0);
        try (StunClient probe = new StunClient(server)) {
            assertThat(probe.request(StunMethod.BINDING, b -> b)).isPresent();
        }
    }

    /** turn.tcpConnectionsPerSource (32 here) per source address; the ones over are closed as they are accepted. */
    @Test
    void aConnectionFloodFromOneSourceStopsAtThePerSourceCap() throws IOException {
        List<Socket> sockets = new ArrayList<>();
        int answered = 0;
        try {
            for (int i = 0; i < 40; i++) {
                Socket s = new Socket();
                sockets.add(s);
                s.connect(server, 2000);
                s.setSoTimeout(2000);
            }
            byte[] binding = new StunMessageBuilder(StunMethod.BINDING, StunClass.REQUEST, new byte[12]).build(true);
            for (Socket s : sockets) {
                try {
                    s.getOutputStream().write(binding);
                    answered += s.getInputStream().read(new byte[256]) > 0 ? 1 : 0;
                } catch (IOException closedByServer) {
                    // refused: closed as it was accepted
                }
            }
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
        assertThat(answered).isEqualTo(32);
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.appliance().stunTurn().openConnections() == 0);
        assertThat(pbx.appliance().stunTurn().counters().connectionsRefused()).isGreaterThanOrEqualTo(8);
    }

    private static List<byte[]> seeds() {
        byte[] tid = new byte[12];
        List<byte[]> seeds = new ArrayList<>();
        byte[] key = new byte[16];
        for (int method : List.of(StunMethod.ALLOCATE, StunMethod.REFRESH, StunMethod.CREATE_PERMISSION,
                StunMethod.CHANNEL_BIND)) {
            seeds.add(new StunMessageBuilder(method, StunClass.REQUEST, tid)
                    .add(AttributeType.REQUESTED_TRANSPORT, new byte[] {17, 0, 0, 0})
                    .addUint32(AttributeType.CHANNEL_NUMBER, 0x4001L << 16)
                    .addXorAddress(AttributeType.XOR_PEER_ADDRESS, new InetSocketAddress("127.0.0.1", 9))
                    .addText(AttributeType.USERNAME, "3003").addText(AttributeType.REALM, TestAppliance.DOMAIN)
                    .addText(AttributeType.NONCE, "obMatJos2AAABxyz")
                    .build(key, AttributeType.MESSAGE_INTEGRITY, true));
        }
        seeds.add(new StunMessageBuilder(StunMethod.SEND, StunClass.INDICATION, tid)
                .addXorAddress(AttributeType.XOR_PEER_ADDRESS, new InetSocketAddress("127.0.0.1", 9))
                .add(AttributeType.DATA, new byte[40]).build(true));
        byte[] channelData = new byte[24];
        ChannelData.writeHeader(channelData, 0, 0x4001, 20);
        seeds.add(channelData);
        return seeds;
    }

    private static byte[] mutate(byte[] seed, Random random) {
        int choice = random.nextInt(4);
        if (choice == 0) {
            return java.util.Arrays.copyOf(seed, random.nextInt(seed.length + 1)); // truncated
        }
        byte[] out = java.util.Arrays.copyOf(seed, seed.length + (choice == 1 ? random.nextInt(64) : 0));
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    private static StunClient client(String user) {
        return new StunClient(server).as(user, "sip-" + user + "-pw");
    }

    private static StunClient track(List<StunClient> clients, StunClient c) {
        clients.add(c);
        return c;
    }

    private static Optional<InetAddress> ownNonLoopbackAddress() {
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                        return Optional.of(a);
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
