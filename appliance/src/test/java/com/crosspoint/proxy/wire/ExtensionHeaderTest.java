package com.crosspoint.proxy.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExtensionHeaderTest {
    private final ExtensionHeader stat = new ExtensionHeader("X-RTP-Stat");

    private static SipMessage scanned(String extra) {
        String text = "BYE sip:bob@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-1\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@127.0.0.1>;tag=a1\r\n"
                + "To: <sip:bob@127.0.0.1>;tag=b1\r\n"
                + "Call-ID: c1\r\n"
                + "CSeq: 2 BYE\r\n"
                + extra
                + "Content-Length: 0\r\n\r\n";
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        SipMessage m = SipMessage.withCapacity(32);
        assertThat(new SipScanner(ScanLimits.DEFAULT).scan(b, 0, b.length, true, m)).isEqualTo(ScanOutcome.ACCEPTED);
        return m;
    }

    @Test
    void findsTheFieldByNameInAnyCaseWithBlanksBeforeTheColon() {
        assertThat(stat.value(scanned("x-rtp-STAT \t: MOS=3.10;PLR=1.00\r\n"))).isEqualTo("MOS=3.10;PLR=1.00");
    }

    @Test
    void theFirstOfSeveralCounts() {
        assertThat(stat.value(scanned("X-RTP-Stat: MOS=2.00\r\nX-RTP-Stat: MOS=4.00\r\n"))).isEqualTo("MOS=2.00");
    }

    @Test
    void aLongerOrShorterNameIsNotIt() {
        assertThat(stat.value(scanned("X-RTP-Statistics: MOS=4.00\r\nX-RTP-Sta: MOS=4.00\r\nP-RTP-Stat: PL=0\r\n")))
                .isNull();
        assertThat(stat.value(scanned(""))).isNull();
    }
}
