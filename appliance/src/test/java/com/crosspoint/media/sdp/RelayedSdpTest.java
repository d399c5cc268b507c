package com.crosspoint.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelayedSdpTest {
    private static final InetSocketAddress RELAY = new InetSocketAddress("10.200.0.1", 30000);

    private static final String PHONE = String.join("\r\n",
            "v=0",
            "o=- 1 2 IN IP4 192.168.77.10",
            "s=-",
            "c=IN IP4 192.168.77.10",
            "t=0 0",
            "m=audio 4000 RTP/AVP 0 8 101",
            "a=rtpmap:101 telephone-event/8000",
            "a=fmtp:101 0-15",
            "a=rtcp:4001 IN IP4 192.168.77.10",
            "a=rtcp-mux",
            "a=candidate:1 1 UDP 2130706431 192.168.77.10 4000 typ host",
            "a=ice-ufrag:abcd",
            "a=ptime:20",
            "a=sendrecv",
            "m=video 5000 RTP/AVP 96",
            "c=IN IP4 192.168.77.10",
            "a=rtpmap:96 H264/90000",
            "") + "\r\n";

    private static String rewritten(String sdp) {
        byte[] out = RelayedSdp.pointedAt(sdp.getBytes(StandardCharsets.UTF_8), RELAY, 30001);
        return out == null ? null : new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void theAudioStreamPointsAtTheRelayAndEveryOtherLineStays() {
        String out = rewritten(PHONE);

        assertThat(out).contains("c=IN IP4 10.200.0.1\r\n", "m=audio 30000 RTP/AVP 0 8 101\r\n", "a=rtcp:30001\r\n",
                "a=fmtp:101 0-15\r\n", "a=rtcp-mux\r\n", "a=ptime:20\r\n", "a=sendrecv\r\n",
                "o=- 1 2 IN IP4 192.168.77.10\r\n");
        assertThat(out).doesNotContain("4000", "4001");
    }

    @Test
    void iceLinesAndOtherStreamsCannotLeadMediaAroundTheRelay() {
        String out = rewritten(PHONE);

        assertThat(out).doesNotContain("a=candidate", "a=ice-ufrag");
        assertThat(out).contains("m=video 0 RTP/AVP 96\r\n");
        assertThat(out).doesNotContain("m=video 5000");
    }

    @Test
    void theHoldAddressStaysSoHoldStillMeansHold() {
        String held = PHONE.replace("c=IN IP4 192.168.77.10\r\nt=0", "c=IN IP4 0.0.0.0\r\nt=0");

        String out = rewritten(held);

        assertThat(out).contains("c=IN IP4 0.0.0.0\r\n", "m=audio 30000 ");
    }

    @Test
    void aDescriptionWithoutAudioIsNotRelayed() {
        String videoOnly = "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\n"
                + "m=video 5000 RTP/AVP 96\r\n";

        assertThat(rewritten(videoOnly)).isNull();
        assertThat(RelayedSdp.pointedAt(null, RELAY, 30001)).isNull();
        assertThat(rewritten("m=audio\r\n")).isNull();
    }

    @Test
    void theAudioTargetIsWhatTheRelayMustSendTo() {
        AudioTarget t = AudioTarget.of(PHONE.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(t.rtp()).isEqualTo(new InetSocketAddress("192.168.77.10", 4000));
        assertThat(t.rtcp()).isEqualTo(new InetSocketAddress("192.168.77.10", 4001));
        assertThat(t.rtcpMux()).isTrue();
        assertThat(t.payloadTypes()).isEqualTo(Set.of(0, 8, 101));
        assertThat(t.clockRate()).isEqualTo(8000);
        assertThat(t.receivesNothing()).isFalse();
    }

    @Test
    void aPartyOnHoldReceivesNothing() {
        String sendOnly = PHONE.replace("a=sendrecv", "a=sendonly");
        String oldStyle = PHONE.replace("c=IN IP4 192.168.77.10\r\nt=0", "c=IN IP4 0.0.0.0\r\nt=0");

        assertThat(AudioTarget.of(sendOnly.getBytes(StandardCharsets.UTF_8)).orElseThrow().receivesNothing()).isTrue();
        assertThat(AudioTarget.of(oldStyle.getBytes(StandardCharsets.UTF_8)).orElseThrow().receivesNothing()).isTrue();
        assertThat(AudioTarget.of("garbage".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
