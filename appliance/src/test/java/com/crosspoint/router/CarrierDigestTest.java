package com.crosspoint.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.auth.DigestAlgorithm;
import com.crosspoint.auth.DigestCredentials;
import com.crosspoint.auth.DigestHashes;
import com.crosspoint.model.CarrierCredentials;
import com.crosspoint.proxy.core.ChallengeResponder;
import com.crosspoint.proxy.wire.ScanLimits;
import com.crosspoint.proxy.wire.ScanOutcome;
import com.crosspoint.proxy.wire.SipMessage;
import com.crosspoint.proxy.wire.SipScanner;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The header lines the router answers a carrier's 401 and 407 with, from the challenge and the INVITE as sent. */
class CarrierDigestTest {
    private static final String SENT = "INVITE sip:99+15551234@203.0.113.7:5060 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.1:5070;branch=z9hG4bKcx0123456789abcdef.0\r\nMax-Forwards: 69\r\n"
            + "From: <sip:pbx@192.0.2.9>;tag=f\r\nTo: <sip:+15551234@192.0.2.1>\r\nCall-ID: cd1\r\nCSeq: 7 INVITE\r\n"
            + "Content-Length: 0\r\n\r\n";

    private final SipScanner scanner = new SipScanner(ScanLimits.DEFAULT);

    private SipMessage scan(String text) {
        SipMessage m = scanner.newMessage();
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(scanner.scan(b, 0, b.length, true, m)).isEqualTo(ScanOutcome.ACCEPTED);
        return m;
    }

    private static String challenge(int status, String reason, String headers) {
        return "SIP/2.0 " + status + " " + reason + "\r\nVia: SIP/2.0/UDP 192.0.2.1:5070;branch=z9hG4bKcx0123456789abcdef.0\r\n"
                + "From: <sip:pbx@192.0.2.9>;tag=f\r\nTo: <sip:+15551234@192.0.2.1>;tag=c\r\nCall-ID: cd1\r\n"
                + "CSeq: 7 INVITE\r\n" + headers + "Content-Length: 0\r\n\r\n";
    }

    @Test
    void a407GetsAProxyAuthorizationForItsFirstAnswerableChallengeOverTheRequestUriSent() {
        String line = new CarrierDigest(new CarrierCredentials("acme", "s3cret")).answer(scan(challenge(407,
                "Proxy Authentication Required", "Proxy-Authenticate: Digest realm=\"carrier\", nonce=\"n1\", "
                        + "algorithm=SHA-256, qop=\"auth\"\r\nproxy-authenticate : Digest realm=\"carrier\", "
                        + "nonce=\"n1\", algorithm=MD5, qop=\"auth\"\r\n")), scan(SENT));

        assertThat(line).startsWith("Proxy-Authorization: Digest ").endsWith("\r\n").doesNotContain("s3cret");
        DigestCredentials c = DigestCredentials.parse(line.substring("Proxy-Authorization: ".length()).trim())
                .orElseThrow();
        assertThat(c.algorithm()).isEqualTo("SHA-256");
        assertThat(c.uri()).isEqualTo("sip:99+15551234@203.0.113.7:5060");
        String ha1 = DigestHashes.ha1(DigestAlgorithm.SHA_256, "acme", "carrier", "s3cret");
        String ha2 = DigestHashes.ha2(DigestAlgorithm.SHA_256, "INVITE", c.uri());
        assertThat(c.response()).isEqualTo(DigestHashes.response(DigestAlgorithm.SHA_256, ha1, "n1", c.nc(), c.cnonce(),
                "auth", ha2));
    }

    @Test
    void a401GetsAnAuthorizationAndNoChallengeNoAnswer() {
        CarrierDigest digest = new CarrierDigest(new CarrierCredentials("acme", "s3cret"));
        assertThat(digest.answer(scan(challenge(401, "Unauthorized",
                "WWW-Authenticate: Digest realm=\"carrier\", nonce=\"n2\"\r\n")), scan(SENT)))
                .startsWith("Authorization: Digest username=\"acme\", realm=\"carrier\", nonce=\"n2\", "
                        + "uri=\"sip:99+15551234@203.0.113.7:5060\", response=\"");
        assertThat(digest.answer(scan(challenge(401, "Unauthorized", "")), scan(SENT))).isNull();
        assertThat(digest.answer(scan(challenge(407, "Proxy Authentication Required",
                "WWW-Authenticate: Digest realm=\"carrier\", nonce=\"n2\"\r\n")), scan(SENT)))
                .as("a 407 is answered from Proxy-Authenticate only").isNull();
        assertThat(CarrierDigest.of(null)).isSameAs(ChallengeResponder.NONE);
    }
}
