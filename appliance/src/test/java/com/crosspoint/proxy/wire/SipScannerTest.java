package com.crosspoint.proxy.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SipScannerTest {
    private static final String INVITE = """
            INVITE sip:bob@127.0.0.1:5070 SIP/2.0
            v: SIP/2.0/UDP 127.0.0.1:5061;rport;branch=z9hG4bK-1
            Max-Forwards: 70
            f: <sip:alice@127.0.0.1>;tag=a1
            t: <sip:bob@127.0.0.1>
            i: call-1@127.0.0.1
            CSeq: 1 INVITE
            m: <sip:alice@127.0.0.1:5061>
            c: application/sdp
            l: 4

            v=0
            """;

    private final SipScanner scanner = new SipScanner(ScanLimits.DEFAULT);
    private final SipMessage m = scanner.newMessage();

    private ScanOutcome scan(byte[] b, boolean datagram) {
        return scanner.scan(b, 0, b.length, datagram, m);
    }

    @Test
    void readsCompactFormsAndTheFieldsAProxyNeeds() {
        byte[] b = Vectors.crlf(INVITE);
        assertThat(scan(b, true)).isEqualTo(ScanOutcome.ACCEPTED);
        assertThat(m.isRequest()).isTrue();
        assertThat(m.method()).isEqualTo(Method.INVITE);
        assertThat(m.requestUri()).isEqualTo("sip:bob@127.0.0.1:5070");
        assertThat(m.callId()).isEqualTo("call-1@127.0.0.1");
        assertThat(m.cseq()).isEqualTo(1);
        assertThat(m.cseqMethod()).isEqualTo(Method.INVITE);
        assertThat(m.maxForwards()).isEqualTo(70);
        assertThat(Ascii.string(b, m.fromTagStart(), m.fromTagEnd())).isEqualTo("a1");
        assertThat(m.hasToTag()).isFalse();
        assertThat(m.topVia().host()).isEqualTo("127.0.0.1");
        assertThat(m.topVia().port()).isEqualTo(5061);
        assertThat(m.topVia().branch()).isEqualTo("z9hG4bK-1");
        assertThat(m.topVia().hasRport()).isTrue();
        assertThat(m.topVia().rport()).isEqualTo(-1);
        assertThat(m.topVia().transportIs("udp")).isTrue();
        assertThat(m.contactUri()).isEqualTo("sip:alice@127.0.0.1:5061");
        assertThat(Ascii.string(b, m.bodyStart(), m.bodyStart() + m.bodyLength())).isEqualTo("v=0\r");
    }

    @Test
    void foldedValuesAndSpacesAroundSeparatorsAreUnderstood() {
        byte[] b = Vectors.rfc4475("wsinv.dat");
        assertThat(scan(b, true)).isEqualTo(ScanOutcome.ACCEPTED);
        assertThat(m.maxForwards()).isEqualTo(68);
        assertThat(m.cseq()).isEqualTo(9);
        assertThat(m.topVia().host()).isEqualTo("192.0.2.2");
        assertThat(m.topVia().branch()).isEqualTo("390skdjuw");
        assertThat(Ascii.string(b, m.toTagStart(), m.toTagEnd())).isEqualTo("1918181833n");
        assertThat(Ascii.string(b, m.fromTagStart(), m.fromTagEnd())).isEqualTo("98asjd8");
        assertThat(m.bodyLength()).isEqualTo(150);
    }

    @Test
    void aDatagramsTrailingOctetsAreNotPartOfTheMessage() {
        byte[] b = Vectors.rfc4475("dblreq.dat");
        assertThat(scan(b, true)).isEqualTo(ScanOutcome.ACCEPTED);
        assertThat(m.method()).isEqualTo(Method.REGISTER);
        assertThat(m.end()).isLessThan(b.length);
        assertThat(m.toString()).doesNotContain("INVITE");
    }

    @Test
    void responsesAreScannedWithTheirStatus() {
        byte[] b = Vectors.crlf("""
                SIP/2.0 180 Ringing
                Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKcx0123456789abcdef.0, SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-1;rport=5061;received=127.0.0.1
                From: <sip:alice@127.0.0.1>;tag=a1
                To: <sip:bob@127.0.0.1>;tag=b2
                Call-ID: call-1@127.0.0.1
                CSeq: 1 INVITE
                Content-Length: 0

                """);
        assertThat(scan(b, true)).isEqualTo(ScanOutcome.ACCEPTED);
        assertThat(m.isRequest()).isFalse();
        assertThat(m.status()).isEqualTo(180);
        assertThat(m.cseqMethod()).isEqualTo(Method.INVITE);
        assertThat(Branches.ours(b, m.topVia().branchStart(), m.topVia().branchEnd())).isTrue();
        assertThat(Branches.hashOf(b, m.topVia().branchStart())).isEqualTo(0x0123456789abcdefL);
        ViaValue second = new ViaValue();
        assertThat(second.parse(b, m.topVia().next(), m.valueEnd(m.topViaHeader()))).isEqualTo(ScanOutcome.ACCEPTED);
        assertThat(second.rport()).isEqualTo(5061);
        assertThat(Ascii.string(b, second.receivedStart(), second.receivedEnd())).isEqualTo("127.0.0.1");
    }

    @Test
    void onlyCrlfIsAKeepAlive() {
        assertThat(scan(Vectors.crlf("\n\n"), true)).isEqualTo(ScanOutcome.KEEPALIVE);
    }

    @Test
    void aHeaderBombIsRefusedBeforeItsFieldsAreRead() {
        StringBuilder bomb = new StringBuilder(INVITE.substring(0, INVITE.indexOf("l: 4")));
        bomb.append("X-Bomb: a\n".repeat(200)).append("l: 0\n\n");
        assertThat(scan(Vectors.crlf(bomb.toString()), true)).isEqualTo(ScanOutcome.TOO_MANY_HEADERS);
    }

    @Test
    void anOversizeMessageIsRefusedWhole() {
        byte[] b = new byte[70_000];
        assertThat(scan(b, true)).isEqualTo(ScanOutcome.TOO_LARGE);
    }

    @Test
    void aStreamNeedsContentLength() {
        byte[] b = Vectors.crlf(INVITE.replace("l: 4\n", "").replace("v=0\n", ""));
        assertThat(scan(b, false)).isEqualTo(ScanOutcome.BAD_CONTENT_LENGTH);
        assertThat(scan(b, true)).isEqualTo(ScanOutcome.ACCEPTED);
    }

    @Test
    void malformedStartLinesAndHeadersAreRefused() {
        assertThat(scan(Vectors.crlf(INVITE.replace("SIP/2.0\n", "SIP/3.0\n")), true))
                .isEqualTo(ScanOutcome.VERSION_NOT_SUPPORTED);
        assertThat(scan(Vectors.crlf(INVITE.replace("CSeq: 1 INVITE", "CSeq INVITE")), true))
                .isEqualTo(ScanOutcome.BAD_HEADER_LINE);
        assertThat(scan(Vectors.crlf(INVITE.replace("Max-Forwards: 70", "Max-Forwards: 256")), true))
                .isEqualTo(ScanOutcome.BAD_MAX_FORWARDS);
        assertThat(scan(Vectors.crlf(INVITE.replace("i: call-1@127.0.0.1\n", "")), true))
                .isEqualTo(ScanOutcome.MISSING_CALL_ID);
        assertThat(scan(Vectors.crlf(INVITE.replace("l: 4", "l: 4x")), true)).isEqualTo(ScanOutcome.BAD_CONTENT_LENGTH);
        assertThat(scan(Vectors.crlf("SIP/2.0 99 Low\nVia: SIP/2.0/UDP h;branch=z9hG4bKa\n\n"), true))
                .isEqualTo(ScanOutcome.BAD_STATUS_CODE);
        byte[] bareLf = INVITE.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(scan(bareLf, true)).as("bare LF line ends").isEqualTo(ScanOutcome.BAD_START_LINE);
    }

    @Test
    void viaAcceptsIpv6AndRefusesEmptyParameters() {
        ViaValue via = new ViaValue();
        byte[] v6 = Ascii.bytes("SIP/2.0/TCP [2001:db8::1]:5080;branch=z9hG4bKx;received=2001:db8::2");
        assertThat(via.parse(v6, 0, v6.length)).isEqualTo(ScanOutcome.ACCEPTED);
        assertThat(via.host()).isEqualTo("[2001:db8::1]");
        assertThat(via.port()).isEqualTo(5080);
        byte[] empty = Ascii.bytes("SIP/2.0/UDP host;branch=z9hG4bKx;");
        assertThat(via.parse(empty, 0, empty.length)).isEqualTo(ScanOutcome.BAD_VIA);
        byte[] noHost = Ascii.bytes("SIP/2.0/UDP ;branch=z9hG4bKx");
        assertThat(via.parse(noHost, 0, noHost.length)).isEqualTo(ScanOutcome.BAD_VIA);
    }
}
