package com.crosspoint.sip.b2bua;

import com.crosspoint.config.AnchorPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.call.MediaPath;
import com.crosspoint.call.PartyMedia;
import com.crosspoint.model.Binding;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediaAnchorTest {
    private final FakeRelay relay = new FakeRelay();
    private final List<Runnable> lane = new ArrayList<>();
    private int timeouts;

    private static byte[] sdp(String host, int port) {
        return ("v=0\r\no=- 1 1 IN IP4 " + host + "\r\ns=-\r\nc=IN IP4 " + host + "\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private void runLane() {
        List<Runnable> queued = List.copyOf(lane);
        lane.clear();
        queued.forEach(Runnable::run);
    }

    /** {@code caller} offered, {@code callee} answered: each description went to the other phone. */
    private static void connected(MediaAnchor anchor, FakeLeg caller, byte[] offer, FakeLeg callee, byte[] answer) {
        anchor.caller(caller, offer);
        anchor.toPhone(callee, offer);
        anchor.heard(callee, answer);
        anchor.toPhone(caller, answer);
    }

    private MediaAnchor anchor(AnchorPolicy policy) {
        return new MediaAnchor(relay, policy, "call-1", lane::add, () -> timeouts++);
    }

    private static FakeLeg phone(String extension) {
        return FakeLeg.phone(extension, extension, null, null);
    }

    private static Binding binding(String contact, String source) {
        return new Binding(1, 1, 1, "sip:1002@acme.test", contact, "c", 1, Instant.EPOCH, "UDP", source, "ua",
                Instant.EPOCH);
    }

    @Test
    void phonesNotBehindNatSendTheirAudioToEachOther() {
        MediaAnchor anchor = anchor(AnchorPolicy.NAT);
        FakeLeg caller = phone("1001");
        byte[] offer = sdp("192.0.2.10", 4000);
        anchor.caller(caller, offer);
        anchor.dialling(binding("sip:1002@192.0.2.20:5060", "192.0.2.20:5060"));

        assertThat(anchor.toPhone(phone("1002"), offer)).isSameAs(offer);
        assertThat(anchor.relayed()).isFalse();
        assertThat(relay.opened).isZero();
    }

    @Test
    void aCallerBehindNatIsRelayedAndEachPhoneIsSentItsOwnSide() {
        MediaAnchor anchor = anchor(AnchorPolicy.NAT);
        FakeLeg caller = phone("1001").behindNat("198.51.100.7");
        FakeLeg callee = phone("1002");
        byte[] offer = sdp("192.168.77.10", 4000);
        anchor.caller(caller, offer);

        String toCallee = text(anchor.toPhone(callee, offer));
        byte[] answer = sdp("192.0.2.20", 5000);
        anchor.heard(callee, answer);
        String toCaller = text(anchor.toPhone(caller, answer));

        assertThat(toCallee).contains("c=IN IP4 203.0.113.1", "m=audio 40002 ").doesNotContain("192.168.77.10 ");
        assertThat(toCaller).contains("m=audio 40000 ").doesNotContain("5000");
        assertThat(relay.sides[0].expected.rtp()).isEqualTo(new InetSocketAddress("192.168.77.10", 4000));
        assertThat(relay.sides[0].peer.behindNat()).isTrue();
        assertThat(relay.sides[1].expected.rtp()).isEqualTo(new InetSocketAddress("192.0.2.20", 5000));
        assertThat(relay.sides[1].peer.behindNat()).isFalse();
        assertThat(anchor.carriesMedia()).isTrue();
        assertThat(anchor.quality(callee)).isNotNull();
    }

    @Test
    void theNatDoctorSaysHowTheAudioTravelsAndWhatWasSeenOfEachPhone() {
        MediaAnchor anchor = anchor(AnchorPolicy.NAT);
        byte[] offer = sdp("192.168.77.10", 4000);
        FakeLeg caller = FakeLeg.phone("1001", "1001", offer, null).behindNat("198.51.100.7");
        byte[] answer = sdp("192.0.2.20", 5000);
        FakeLeg callee = FakeLeg.phone("1002", "1002", answer, null);
        anchor.caller(caller, offer);
        anchor.toPhone(callee, offer);
        anchor.heard(callee, answer);
        anchor.toPhone(caller, answer);

        MediaPath path = anchor.path(caller, callee, false);

        assertThat(path.route()).isEqualTo(MediaPath.Route.RELAYED);
        assertThat(path.parties()).extracting(PartyMedia::party).containsExactly("1001", "1002");
        PartyMedia one = path.parties().get(0);
        assertThat(one.behindNat()).isTrue();
        assertThat(one.evidence()).containsExactly("its SIP comes from 198.51.100.7");
        assertThat(one.signalled()).isEqualTo("192.168.77.10:4000");
        assertThat(one.heardFrom()).isEqualTo("192.168.77.10:4000");
        assertThat(path.summary()).startsWith("anchored: relayed through the appliance; 1001 behind NAT, heard from")
                .contains("1002 not behind NAT");
        assertThat(anchor(AnchorPolicy.NEVER).path(caller, null, false).summary())
                .startsWith("not anchored: the phones send their audio to each other; 1001 behind NAT");
        assertThat(anchor.path(caller, null, true).route()).isEqualTo(MediaPath.Route.APPLIANCE);
    }

    @Test
    void aPhoneRegisteredBehindNatMakesTheCallRelayedBeforeItIsOffered() {
        MediaAnchor anchor = anchor(AnchorPolicy.NAT);
        anchor.caller(phone("1001"), sdp("192.0.2.10", 4000));

        anchor.dialling(binding("sip:1002@192.168.78.10:5060;transport=udp", "198.51.100.8:31234"));

        assertThat(anchor.relayed()).isTrue();
        assertThat(MediaAnchor.registeredBehindNat(binding("sip:1002@[2001:db8::1]:5060", "[2001:db8::1]:5060")))
                .isFalse();
        assertThat(MediaAnchor.registeredBehindNat(binding("sip:1002@phone.example;ob", "198.51.100.8:1"))).isFalse();
    }

    @Test
    void theAppliancesOwnMediaIsNeverRelayedAndSilenceDuringItEndsNothing() {
        MediaAnchor anchor = anchor(AnchorPolicy.ALWAYS);
        FakeLeg caller = phone("1001");
        FakeLeg callee = phone("1002");
        byte[] offer = sdp("192.0.2.10", 4000);
        byte[] answer = sdp("192.0.2.20", 5000);
        connected(anchor, caller, offer, callee, answer);

        byte[] music = sdp("192.0.2.1", 20000); // music on hold, from the media engine: nobody's phone
        assertThat(anchor.toPhone(callee, music)).isSameAs(music);
        assertThat(relay.sides[1].paused).isTrue();
        assertThat(anchor.carriesMedia()).isFalse();
        relay.timeout.run();
        runLane();
        assertThat(timeouts).isZero();

        assertThat(text(anchor.toPhone(callee, offer))).contains("m=audio 40002 "); // resumed: relayed again
        assertThat(anchor.carriesMedia()).isTrue();
        relay.timeout.run();
        runLane();
        assertThat(timeouts).isOne();
    }

    @Test
    void aTransferTargetTakesTheSideOfThePartyItReplaces() {
        MediaAnchor anchor = anchor(AnchorPolicy.ALWAYS);
        FakeLeg caller = phone("1001");
        FakeLeg callee = phone("1002");
        byte[] offer = sdp("192.0.2.10", 4000);
        byte[] answer = sdp("192.0.2.20", 5000);
        connected(anchor, caller, offer, callee, answer);

        FakeLeg target = phone("1003"); // the caller transferred the callee to 1003
        String toTarget = text(anchor.toPhone(target, answer));
        byte[] targetAnswer = sdp("192.0.2.30", 6000);
        anchor.heard(target, targetAnswer);
        String toCallee = text(anchor.toPhone(callee, targetAnswer));

        assertThat(toTarget).contains("m=audio 40000 ");
        assertThat(toCallee).contains("m=audio 40002 ");
        assertThat(relay.sides[0].expected.rtp()).isEqualTo(new InetSocketAddress("192.0.2.30", 6000));
    }

    @Test
    void withoutFreePortsTheCallGoesUnrelayedAndTheRelayIsAskedOnce() {
        relay.full = true;
        MediaAnchor anchor = anchor(AnchorPolicy.ALWAYS);
        byte[] offer = sdp("192.0.2.10", 4000);
        anchor.caller(phone("1001"), offer);
        anchor.dialling(binding("sip:1002@192.168.1.2", "198.51.100.1:5060"));

        assertThat(anchor.toPhone(phone("1002"), offer)).isSameAs(offer);
        assertThat(relay.opened).isOne();
    }

    @Test
    void aLateOfferIsRelayedOnceTheCalleesOfferAndTheCallersAnswerAreHeard() {
        MediaAnchor anchor = anchor(AnchorPolicy.ALWAYS);
        FakeLeg caller = phone("1001");
        FakeLeg callee = phone("1002");
        anchor.caller(caller, null); // an INVITE without SDP: the callee's phone will offer
        anchor.dialling(binding("sip:1002@192.0.2.20:5060", "192.0.2.20:5060"));

        byte[] offer = sdp("192.0.2.20", 5000);
        anchor.heard(callee, offer);
        String toCaller = text(anchor.toPhone(caller, offer));
        byte[] answer = sdp("192.0.2.10", 4000);
        anchor.heard(caller, answer);
        String toCallee = text(anchor.toPhone(callee, answer));

        assertThat(toCaller).contains("m=audio 40000 ");
        assertThat(toCallee).contains("m=audio 40002 ");
        assertThat(relay.sides[0].expected.rtp()).isEqualTo(new InetSocketAddress("192.0.2.10", 4000));
        assertThat(relay.sides[1].expected.rtp()).isEqualTo(new InetSocketAddress("192.0.2.20", 5000));
    }

    @Test
    void anchoringOffRelaysNothingAndClosingFreesThePorts() {
        MediaAnchor never = anchor(AnchorPolicy.NEVER);
        never.caller(phone("1001").behindNat("198.51.100.7"), sdp("192.168.1.2", 4000));
        assertThat(never.relayed()).isFalse();

        MediaAnchor always = anchor(AnchorPolicy.ALWAYS);
        always.caller(phone("1001"), sdp("192.0.2.10", 4000));
        always.close();
        assertThat(relay.closed).isTrue();
    }
}
