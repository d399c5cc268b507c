package com.crosspoint.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SdpSummaryTest {
    private static final String OFFER = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
            + "m=audio 4000 RTP/AVP 8 0 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n";

    @Test
    void firstAudioCodecIsTheNegotiatedOne() {
        SdpSummary s = SdpSummary.of(bytes(OFFER + "a=sendrecv\r\n"));
        assertThat(s.codec()).isEqualTo("PCMA");
        assertThat(s.hold()).isFalse();
    }

    @Test
    void sendonlyInactiveAndZeroAddressMeanHold() {
        assertThat(SdpSummary.of(bytes(OFFER + "a=sendonly\r\n")).hold()).isTrue();
        assertThat(SdpSummary.of(bytes(OFFER + "a=inactive\r\n")).hold()).isTrue();
        assertThat(SdpSummary.of(bytes(OFFER.replace("c=IN IP4 192.0.2.1", "c=IN IP4 0.0.0.0"))).hold()).isTrue();
    }

    @Test
    void staticPayloadWithoutRtpmapIsNamed() {
        assertThat(SdpSummary.of(bytes("v=0\nm=audio 4000 RTP/AVP 0\n")).codec()).isEqualTo("PCMU");
    }

    @Test
    void noBodyMeansNothingKnown() {
        assertThat(SdpSummary.of(null)).isEqualTo(new SdpSummary(null, false));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
