package com.crosspoint.proxy.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Byte-exact vectors for everything the proxy writes: {@code vectors/proxy/<case>.in} is what
 * arrives, {@code <case>.out} what must leave, byte for byte.
 */
class WriterVectorsTest {
    private static final String RR_UDP = "Record-Route: <sip:127.0.0.1:5070;lr>\r\n";
    private static final String RR_TCP = "Record-Route: <sip:127.0.0.1:5070;transport=tcp;lr>\r\n";

    private final SipScanner scanner = new SipScanner(ScanLimits.DEFAULT);
    private final SipMessage in = scanner.newMessage();
    private final SipMessage other = scanner.newMessage();
    private final RequestEdits edits = new RequestEdits();
    private final ByteSink out = new ByteSink(256);

    private SipMessage scan(String vector, SipMessage into) {
        byte[] b = Vectors.read("/vectors/proxy/" + vector);
        assertThat(scanner.scan(b, 0, b.length, true, into)).as(vector).isEqualTo(ScanOutcome.ACCEPTED);
        return into;
    }

    private void assertWritten(String expectedVector) {
        assertThat(out.toString()).isEqualTo(new String(Vectors.read("/vectors/proxy/" + expectedVector),
                StandardCharsets.ISO_8859_1));
    }

    @Test
    void anInviteGetsOurViaARecordRouteTheSourceInItsViaAndOneHopLess() {
        edits.reset().via("UDP", "127.0.0.1:5070", 0x0123456789abcdefL, 0).source("127.0.0.1", 5061)
                .recordRoute(Ascii.bytes(RR_UDP));
        new RequestWriter().forward(scan("invite.in", in), edits, out);
        assertWritten("invite-forwarded.out");
    }

    @Test
    void routesNamingUsArePoppedAcrossCommasAndATransportChangeRecordRoutesTwice() {
        edits.reset().via("TCP", "127.0.0.1:5070", 0xffL, 3).popFirstRoutes(1)
                .recordRoute(Ascii.bytes(RR_TCP)).recordRoute(Ascii.bytes(RR_UDP));
        new RequestWriter().forward(scan("routed.in", in), edits, out);
        assertWritten("routed-forwarded.out");
    }

    @Test
    void afterAStrictRouterTheLastRouteBecomesTheRequestUri() {
        SipMessage m = scan("strict.in", in);
        int[] last = new int[2];
        assertThat(ListValues.value(m, HeaderName.ROUTE, 1, last)).isTrue();
        int[] uri = new int[2];
        NameAddr.uri(m.buffer(), last[0], last[1], uri);
        edits.reset().via("UDP", "127.0.0.1:5070", 1L, 0).popLastRoute().requestUri(m.buffer(), uri[0], uri[1]);
        new RequestWriter().forward(m, edits, out);
        assertWritten("strict-forwarded.out");
    }

    @Test
    void foldedAndUnknownFieldsPassThroughUnchanged() {
        byte[] wsinv = Vectors.rfc4475("wsinv.dat");
        assertThat(scanner.scan(wsinv, 0, wsinv.length, true, in)).isEqualTo(ScanOutcome.ACCEPTED);
        edits.reset().via("UDP", "127.0.0.1:5070", 2L, 0);
        new RequestWriter().forward(in, edits, out);
        String original = new String(wsinv, StandardCharsets.ISO_8859_1);
        String expected = original.replaceFirst("\r\n", "\r\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKcx0000000000000002.0\r\n")
                .replace("MaX-fOrWaRdS: 0068\r\n", "Max-Forwards: 67\r\n");
        assertThat(out.toString()).isEqualTo(expected);
    }

    @Test
    void responsesLoseOurViaWhetherItSharesALineOrHasItsOwn() {
        ResponseWriter writer = new ResponseWriter();
        writer.withoutTopVia(scan("ringing.in", in), out);
        assertWritten("ringing-upstream.out");
        writer.withoutTopVia(scan("ok.in", in), out);
        assertWritten("ok-upstream.out");
    }

    @Test
    void ourOwnAnswersEchoTheRequestAndTagTheToExceptIn100() {
        ResponseWriter writer = new ResponseWriter();
        writer.answer(scan("invite.in", in), 503, "Service Unavailable", "cx42", "Retry-After: 5\r\n", out);
        assertWritten("invite-503.out");
        writer.answer(in, 100, "Trying", "cx42", null, out);
        assertWritten("invite-100.out");
    }

    @Test
    void cancelAndAckOfABranchCopyTheForwardedInvite() {
        SipMessage forwarded = scan("invite-forwarded.out", in);
        HopRequestWriter writer = new HopRequestWriter();
        writer.cancel(forwarded, out);
        assertWritten("cancel.out");
        writer.ack(forwarded, scan("busy.in", other), out);
        assertWritten("ack.out");
    }

    @Test
    void theLoopHashIsStableForRetransmissionsAndChangesWithTheRequestUri() {
        byte[] b = Vectors.read("/vectors/proxy/invite.in");
        scanner.scan(b, 0, b.length, true, in);
        long first = Branches.loopHash(in);
        scanner.scan(b.clone(), 0, b.length, true, in);
        assertThat(Branches.loopHash(in)).isEqualTo(first);
        byte[] spiral = new String(b, StandardCharsets.ISO_8859_1).replace("INVITE sip:bob@", "INVITE sip:carol@")
                .getBytes(StandardCharsets.ISO_8859_1);
        scanner.scan(spiral, 0, spiral.length, true, in);
        assertThat(Branches.loopHash(in)).isNotEqualTo(first);
        out.reset();
        Branches.write(out, first, 7);
        byte[] branch = out.toArray();
        assertThat(Branches.ours(branch, 0, branch.length)).isTrue();
        assertThat(Branches.hashOf(branch, 0)).isEqualTo(first);
    }
}
