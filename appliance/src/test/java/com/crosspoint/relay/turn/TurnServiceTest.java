package com.crosspoint.relay.turn;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.auth.AccountFailureBudget;
import com.crosspoint.auth.AuthFailureThrottle;
import com.crosspoint.auth.NonceService;
import com.crosspoint.config.TlsConfig;
import com.crosspoint.config.TurnConfig;
import com.crosspoint.relay.stun.AddressCodec;
import com.crosspoint.relay.stun.AttributeType;
import com.crosspoint.relay.stun.ChannelData;
import com.crosspoint.relay.stun.DecodeResult;
import com.crosspoint.relay.stun.ErrorCode;
import com.crosspoint.relay.stun.Integrity;
import com.crosspoint.relay.stun.PasswordAlgorithm;
import com.crosspoint.relay.stun.StunClass;
import com.crosspoint.relay.stun.StunDecoder;
import com.crosspoint.relay.stun.StunMessage;
import com.crosspoint.relay.stun.StunMessageBuilder;
import com.crosspoint.relay.stun.StunMethod;
import com.crosspoint.testing.MutableClock;
import java.net.InetSocketAddress;
import java.time.Duration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The TURN state machine with fake sockets and a clock the test drives (RFC 8656 s7 to s12). */
class TurnServiceTest {
    private static final String REALM = "example.org";
    private static final InetSocketAddress SERVER = new InetSocketAddress("192.0.2.1", 3478);
    /** Public (not a documentation range: those are refused as peers too); nothing is ever sent there. */
    private static final InetSocketAddress PEER = new InetSocketAddress("93.184.216.34", 5000);
    private static final InetSocketAddress LOOPBACK_PEER = new InetSocketAddress("127.0.0.1", 5000);
    private static final Map<String, TurnUser> USERS = Map.of(
            "1001", new TurnUser(1, 11, "1001@" + REALM), "1002", new TurnUser(1, 12, "1002@" + REALM),
            "2001", new TurnUser(2, 21, "2001@" + REALM));

    private final MutableClock clock = MutableClock.atEpochPlusOneDay();
    private final TurnFakes.FakeRelays relays = new TurnFakes.FakeRelays();
    private final TurnService turn = service(List.of(), 2, 3);

    @Test
    void firstRequestIsChallengedWithRealmNonceAndPasswordAlgorithms() {
        Client c = new Client("1001", "pw-1001", 40000);
        StunMessage answer = c.send(StunMethod.ALLOCATE, b -> transport(b), false);

        assertThat(code(answer)).isEqualTo(401);
        assertThat(answer.text(AttributeType.REALM)).contains(REALM);
        assertThat(answer.text(AttributeType.NONCE).orElseThrow()).startsWith("obMatJos2AAAB");
        assertThat(answer.value(AttributeType.PASSWORD_ALGORITHMS)).isPresent();
        assertThat(answer.has(AttributeType.MESSAGE_INTEGRITY)).as("a challenge has no integrity").isFalse();
    }

    @Test
    void allocatesARelayAndSignsTheAnswer() {
        Client c = new Client("1001", "pw-1001", 40000);
        StunMessage answer = c.allocate();

        assertThat(answer.stunClass()).isEqualTo(StunClass.SUCCESS);
        InetSocketAddress relayed = AddressCodec.read(answer, AttributeType.XOR_RELAYED_ADDRESS).orElseThrow();
        assertThat(relayed.getAddress()).isEqualTo(SERVER.getAddress());
        assertThat(relayed.getPort()).isBetween(50000, 50100);
        assertThat(AddressCodec.read(answer, AttributeType.XOR_MAPPED_ADDRESS)).contains(c.address);
        assertThat(answer.uint32(AttributeType.LIFETIME)).contains(600L);
        assertThat(Integrity.verify(answer, c.key)).isTrue();
        assertThat(turn.allocationCount()).isEqualTo(1);
    }

    @Test
    void sha256KeysWorkWhenTheClientPicksThem() {
        Client c = new Client("1001", "pw-1001", 40000);
        c.send(StunMethod.ALLOCATE, TurnServiceTest::transport, false);
        byte[] key = PasswordAlgorithm.SHA_256.key("1001", REALM, "pw-1001");
        StunMessage answer = c.send(StunMethod.ALLOCATE, b -> transport(b)
                .add(AttributeType.PASSWORD_ALGORITHMS, TurnAuthenticator.OFFERED_ALGORITHMS)
                .add(AttributeType.PASSWORD_ALGORITHM, PasswordAlgorithm.SHA_256.entry()), key,
                AttributeType.MESSAGE_INTEGRITY_SHA256);

        assertThat(answer.stunClass()).isEqualTo(StunClass.SUCCESS);
        assertThat(Integrity.integrityType(answer)).isEqualTo(AttributeType.MESSAGE_INTEGRITY_SHA256);
        assertThat(Integrity.verify(answer, key)).isTrue();
    }

    @Test
    void wrongPasswordAndUnknownUserGet401AndNoAllocation() {
        Client wrong = new Client("1001", "guess", 40000);
        Client nobody = new Client("9999", "pw", 40001);

        assertThat(code(wrong.allocate())).isEqualTo(401);
        assertThat(code(nobody.allocate())).isEqualTo(401);
        assertThat(turn.allocationCount()).isZero();
    }

    @Test
    void aSourceThatKeepsGuessingIsRefusedUnverifiedLikeSipDigest() {
        TurnService guarded = service(List.of(), 2, 3, 3);
        for (int i = 0; i < 4; i++) {
            assertThat(code(new Client(guarded, "1001", "guess-" + i, 40000 + i).allocate())).isEqualTo(401);
        }
        assertThat(code(new Client(guarded, "1001", "pw-1001", 40010).allocate()))
                .as("the right password, from the same address, unverified").isEqualTo(403);
        assertThat(guarded.allocationCount()).isZero();
    }

    @Test
    void staleNonceGets438WithAFreshOne() {
        Client c = new Client("1001", "pw-1001", 40000);
        c.allocate();
        clock.advance(Duration.ofSeconds(601));

        String old = c.nonce;
        StunMessage answer = c.sendOnce(StunMethod.REFRESH, b -> b, c.key, AttributeType.MESSAGE_INTEGRITY);
        assertThat(code(answer)).isEqualTo(438);
        assertThat(answer.text(AttributeType.NONCE)).isPresent().isNotEqualTo(Optional.of(old));
    }

    @Test
    void secondAllocateOnTheSameFiveTupleIs437ButARetransmissionGetsTheSameAnswer() {
        Client c = new Client("1001", "pw-1001", 40000);
        StunMessage first = c.allocate();
        byte[] again = c.lastRequest;
        turn.onStun(decode(again), c.link);
        assertThat(c.link.last().bytes()).isEqualTo(first.bytes());

        assertThat(code(c.send(StunMethod.ALLOCATE, TurnServiceTest::transport, true))).isEqualTo(437);
    }

    @Test
    void requestsWithoutAnAllocationGet437AndWithAnotherUsername441() {
        Client c = new Client("1001", "pw-1001", 40000);
        c.allocate();
        assertThat(code(new Client("1002", "pw-1002", 40001).refresh(600))).isEqualTo(437);

        Client intruder = new Client("1002", "pw-1002", 40000); // same 5-tuple, other user
        assertThat(code(intruder.refresh(600))).isEqualTo(441);
    }

    @Test
    void unsupportedTransportAndFamilyAndMissingTransport() {
        Client c = new Client("1001", "pw-1001", 40000);
        c.allocate(); // learns the nonce; then ends it to try again
        c.refresh(0);
        assertThat(code(c.send(StunMethod.ALLOCATE, b -> b.add(AttributeType.REQUESTED_TRANSPORT,
                new byte[] {6, 0, 0, 0}), true))).isEqualTo(442);
        assertThat(code(c.send(StunMethod.ALLOCATE, b -> b, true))).isEqualTo(400);
        assertThat(code(c.send(StunMethod.ALLOCATE, b -> transport(b).add(AttributeType.REQUESTED_ADDRESS_FAMILY,
                new byte[] {2, 0, 0, 0}), true))).isEqualTo(440);
        assertThat(code(c.send(StunMethod.ALLOCATE, b -> transport(b).add(AttributeType.DONT_FRAGMENT,
                new byte[0]), true))).isEqualTo(420);
    }

    @Test
    void quotasPerUserAndPerTenantGive486WhileOthersStillAllocate() {
        // perUser 2, perTenant 3: user 1001 gets two, 1002 the tenant's third, 2001 is in another tenant.
        assertThat(new Client("1001", "pw-1001", 40000).allocate().stunClass()).isEqualTo(StunClass.SUCCESS);
        assertThat(new Client("1001", "pw-1001", 40001).allocate().stunClass()).isEqualTo(StunClass.SUCCESS);
        assertThat(code(new Client("1001", "pw-1001", 40002).allocate())).isEqualTo(486);
        assertThat(new Client("1002", "pw-1002", 40003).allocate().stunClass()).isEqualTo(StunClass.SUCCESS);
        assertThat(code(new Client("1002", "pw-1002", 40004).allocate())).isEqualTo(486);
        assertThat(new Client("2001", "pw-2001", 40005).allocate().stunClass()).isEqualTo(StunClass.SUCCESS);
        assertThat(turn.allocationCount()).isEqualTo(4);
    }

    @Test
    void refreshZeroDeletesAndExpiryEndsAllocations() {
        Client c = new Client("1001", "pw-1001", 40000);
        c.allocate();
        assertThat(c.refresh(0).uint32(AttributeType.LIFETIME)).contains(0L);
        assertThat(turn.allocationCount()).isZero();
        assertThat(relays.open).isEmpty();

        Client d = new Client("1001", "pw-1001", 40001);
        d.allocate();
        clock.advance(Duration.ofSeconds(599));
        turn.sweep();
        assertThat(turn.allocationCount()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        turn.sweep();
        assertThat(turn.allocationCount()).isZero();
        assertThat(relays.open).isEmpty();
    }

    @Test
    void peersInPrivateRangesAndLoopbackAreRefusedUnlessAllowed() {
        Client c = new Client("1001", "pw-1001", 40000);
        c.allocate();
        assertThat(code(c.permit(LOOPBACK_PEER))).isEqualTo(403);
        assertThat(code(c.permit(new InetSocketAddress("10.1.2.3", 9)))).isEqualTo(403);
        assertThat(code(c.permit(new InetSocketAddress("192.0.2.1", 9)))).as("our own address").isEqualTo(403);
        assertThat(c.permit(PEER).stunClass()).isEqualTo(StunClass.SUCCESS);

        TurnService open = service(List.of(Cidr.parse("127.0.0.1/32")), 2, 3);
        Client o = new Client(open, "1001", "pw-1001", 40001);
        o.allocate();
        assertThat(o.permit(LOOPBACK_PEER).stunClass()).isEqualTo(StunClass.SUCCESS);
    }

    @Test
    void dataFlowsOnlyWithAPermissionAndChannelsCarryIt() {
        Client c = new Client("1001", "pw-1001", 40000);
        c.allocate();
        Allocation a = turn.allocations().find(c.link.fiveTuple()).orElseThrow();
        TurnFakes.FakeRelays.Endpoint relay = relays.open.get(0);

        turn.onStun(decode(sendIndication(PEER, new byte[] {1, 2, 3})), c.link);
        assertThat(relay.sent).as("no permission yet").isEmpty();
        int answers = c.link.sent.size();
        turn.onPeerDatagram(a, PEER, new byte[] {9}, 0, 1);
        assertThat(c.link.sent).as("nothing from a peer without a permission").hasSize(answers);

        c.permit(PEER);
        turn.onStun(decode(sendIndication(PEER, new byte[] {1, 2, 3})), c.link);
        assertThat(relay.sent).containsExactly(new byte[] {1, 2, 3});
        turn.onPeerDatagram(a, PEER, new byte[] {7, 8}, 0, 2);
        StunMessage data = c.link.last();
        assertThat(data.method()).isEqualTo(StunMethod.DATA);
        assertThat(data.value(AttributeType.DATA)).contains(new byte[] {7, 8});
        assertThat(AddressCodec.read(data, AttributeType.XOR_PEER_ADDRESS)).contains(PEER);

        assertThat(c.channelBind(0x4001, PEER).stunClass()).isEqualTo(StunClass.SUCCESS);
        byte[] frame = new byte[8];
        ChannelData.writeHeader(frame, 0, 0x4001, 3);
        frame[4] = 5;
        turn.onChannelData(frame, 0, 7, c.link.fiveTuple());
        assertThat(relay.sent.get(1)).isEqualTo(new byte[] {5, 0, 0});
        turn.onPeerDatagram(a, PEER, new byte[] {6}, 0, 1);
        assertThat(c.link.rawLast()).isEqualTo(new byte[] {0x40, 0x01, 0, 1, 6});
        turn.onPeerDatagram(a, PEER, new byte[] {9, 9, 9, 9, 6, 7}, 4, 2); // room for the header: built in place
        assertThat(c.link.rawLast()).isEqualTo(new byte[] {0x40, 0x01, 0, 2, 6, 7});

        byte[] unbound = frame.clone();
        unbound[1] = 0x02;
        turn.onChannelData(unbound, 0, 7, c.link.fiveTuple());
        assertThat(relay.sent).hasSize(2);
    }

    @Test
    void channelConflictsAre400AndChannelsExpire() {
        Client c = new Client("1001", "pw-1001", 40000);
        c.allocate();
        InetSocketAddress other = new InetSocketAddress("93.184.216.35", 5000);
        assertThat(c.channelBind(0x4001, PEER).stunClass()).isEqualTo(StunClass.SUCCESS);
        assertThat(code(c.channelBind(0x4001, other))).isEqualTo(400);
        assertThat(code(c.channelBind(0x4002, PEER))).isEqualTo(400);
        assertThat(code(c.channelBind(0x3FFF, other))).isEqualTo(400);
        assertThat(c.channelBind(0x4001, PEER).stunClass()).as("a refresh").isEqualTo(StunClass.SUCCESS);

        Allocation a = turn.allocations().find(c.link.fiveTuple()).orElseThrow();
        c.refresh(3600);
        clock.advance(Duration.ofSeconds(601));
        turn.sweep();
        assertThat(a.channelCount()).isZero();
        assertThat(a.permissionCount()).isZero();
        assertThat(c.channelBind(0x4001, other).stunClass()).as("free again").isEqualTo(StunClass.SUCCESS);
    }

    private TurnService service(List<Cidr> allowed, int perUser, int perTenant) {
        return service(allowed, perUser, perTenant, 100);
    }

    private TurnService service(List<Cidr> allowed, int perUser, int perTenant, int failureLimit) {
        TurnConfig config = new TurnConfig(true, 3478, new TlsConfig(5349, Optional.empty(), "", "PKCS12"),
                Optional.empty(), "Crosspoint", 1, 50000, 50100, new TurnConfig.Lifetimes(600, 3600, 300, 600, 600),
                new TurnConfig.Quotas(perUser, perTenant, 100), 1000, 100, List.of(), Optional.empty(), 86400);
        CredentialSource credentials = (username, realm) -> Optional.ofNullable(USERS.get(username))
                .filter(u -> realm.equals(REALM))
                .map(u -> new TurnAccount(u, PasswordAlgorithm.MD5.key(username, realm, "pw-" + username),
                        PasswordAlgorithm.SHA_256.key(username, realm, "pw-" + username)));
        TurnAuthenticator auth = new TurnAuthenticator(credentials, () -> Optional.of(REALM),
                new TurnNonces(NonceService.withRandomSecret(Duration.ofSeconds(600), 1000, clock)),
                new AuthFailureThrottle(failureLimit, Duration.ofMinutes(1), Duration.ofMinutes(1), 1000, clock),
                new AccountFailureBudget(100, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(2),
                        1000, clock));
        return new TurnService(new TurnContext(config, new AllocationTable(perUser, perTenant, 100),
                new RelayPorts(50000, 50100), relays, null, new PeerPolicy(allowed, Set.of(SERVER.getAddress())), auth,
                clock, SERVER.getAddress()));
    }

    private static StunMessageBuilder transport(StunMessageBuilder b) {
        return b.add(AttributeType.REQUESTED_TRANSPORT, new byte[] {17, 0, 0, 0});
    }

    private static byte[] sendIndication(InetSocketAddress peer, byte[] data) {
        byte[] tid = new byte[12];
        ThreadLocalRandom.current().nextBytes(tid);
        return new StunMessageBuilder(StunMethod.SEND, StunClass.INDICATION, tid)
                .addXorAddress(AttributeType.XOR_PEER_ADDRESS, peer).add(AttributeType.DATA, data).build(true);
    }

    private static int code(StunMessage m) {
        assertThat(m.stunClass()).as("an error answer").isEqualTo(StunClass.ERROR);
        return ErrorCode.read(m).orElseThrow().code();
    }

    static StunMessage decode(byte[] bytes) {
        return ((DecodeResult.Decoded) StunDecoder.decode(bytes)).message();
    }

    /** A TURN client on one 5-tuple that learns realm and nonce from its first challenge. */
    private final class Client {
        final TurnService service;
        final String username;
        final byte[] key;
        final InetSocketAddress address;
        final TurnFakes.FakeLink link;
        String nonce;
        byte[] lastRequest;

        Client(String username, String password, int port) {
            this(turn, username, password, port);
        }

        Client(TurnService service, String username, String password, int port) {
            this.service = service;
            this.username = username;
            this.key = PasswordAlgorithm.MD5.key(username, REALM, password);
            this.address = new InetSocketAddress("203.0.113.50", port);
            this.link = new TurnFakes.FakeLink(FiveTuple.udp(address, SERVER));
        }

        StunMessage allocate() {
            if (nonce == null) {
                send(StunMethod.ALLOCATE, TurnServiceTest::transport, false);
            }
            return send(StunMethod.ALLOCATE, TurnServiceTest::transport, true);
        }

        StunMessage refresh(long lifetime) {
            if (nonce == null) {
                send(StunMethod.REFRESH, b -> b, false);
            }
            return send(StunMethod.REFRESH, b -> b.addUint32(AttributeType.LIFETIME, lifetime), true);
        }

        StunMessage permit(InetSocketAddress peer) {
            return send(StunMethod.CREATE_PERMISSION, b -> b.addXorAddress(AttributeType.XOR_PEER_ADDRESS, peer), true);
        }

        StunMessage channelBind(int channel, InetSocketAddress peer) {
            return send(StunMethod.CHANNEL_BIND, b -> b.addUint32(AttributeType.CHANNEL_NUMBER, (long) channel << 16)
                    .addXorAddress(AttributeType.XOR_PEER_ADDRESS, peer), true);
        }

        StunMessage send(int method, java.util.function.UnaryOperator<StunMessageBuilder> attributes, boolean signed) {
            return send(method, attributes, signed ? key : null, AttributeType.MESSAGE_INTEGRITY);
        }

        /** Sends once more with the fresh nonce of a 438, as clients do. */
        StunMessage send(int method, java.util.function.UnaryOperator<StunMessageBuilder> attributes, byte[] signWith,
                         int integrity) {
            StunMessage answer = sendOnce(method, attributes, signWith, integrity);
            if (signWith != null && answer.stunClass() == StunClass.ERROR
                    && ErrorCode.read(answer).orElseThrow().code() == 438) {
                answer = sendOnce(method, attributes, signWith, integrity);
            }
            return answer;
        }

        StunMessage sendOnce(int method, java.util.function.UnaryOperator<StunMessageBuilder> attributes,
                             byte[] signWith, int integrity) {
            byte[] tid = new byte[12];
            ThreadLocalRandom.current().nextBytes(tid);
            StunMessageBuilder b = attributes.apply(new StunMessageBuilder(method, StunClass.REQUEST, tid));
            if (signWith != null) {
                b.addText(AttributeType.USERNAME, username).addText(AttributeType.REALM, REALM)
                        .addText(AttributeType.NONCE, nonce == null ? "none" : nonce);
            }
            lastRequest = signWith == null ? b.build(true) : b.build(signWith, integrity, true);
            service.onStun(decode(lastRequest), link);
            StunMessage answer = link.last();
            answer.text(AttributeType.NONCE).ifPresent(n -> nonce = n);
            return answer;
        }
    }
}
