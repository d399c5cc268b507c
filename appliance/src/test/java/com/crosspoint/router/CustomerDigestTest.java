package com.crosspoint.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.auth.AuthFailureThrottle;
import com.crosspoint.auth.DigestAlgorithm;
import com.crosspoint.proxy.core.RoutingDecision;
import com.crosspoint.proxy.wire.ScanLimits;
import com.crosspoint.proxy.wire.ScanOutcome;
import com.crosspoint.proxy.wire.SipMessage;
import com.crosspoint.proxy.wire.SipScanner;
import com.crosspoint.testing.SipText;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerDigestTest {
    private static final String URI = "sip:+16175551234@10.0.0.1:5070";
    private static final String SOURCE = "192.0.2.7";
    private final AuthFailureThrottle guesses = new AuthFailureThrottle(3, Duration.ofMinutes(1),
            Duration.ofMinutes(5), 100, Clock.systemUTC());
    private final CustomerDigest digest = CustomerDigest.of(List.of("pbx-east:east-secret"),
            List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256), guesses, Clock.systemUTC());
    private final SipScanner scanner = new SipScanner(ScanLimits.DEFAULT);

    @Test
    void anInviteWithoutCredentialsIsChallengedWithEachAlgorithmInTheConfiguredOrder() {
        RoutingDecision.Refuse challenge = refusal(invite(null));

        assertThat(challenge.status()).isEqualTo(407);
        assertThat(challenge.headerLines()).startsWith("Proxy-Authenticate: Digest realm=\"crosspoint-router\"")
                .containsSubsequence("algorithm=MD5", "\r\nProxy-Authenticate: ", "algorithm=SHA-256")
                .endsWith("\r\n");
    }

    @Test
    void theRightAnswerIsAdmittedAndItsReplayIsChallengedAgain() {
        String answer = SipText.digest("pbx-east", "east-secret", "INVITE", URI, challengeLines());

        assertThat(digest.check(invite(answer), SOURCE)).isEqualTo(new CustomerDigest.Admitted("pbx-east"));
        RoutingDecision.Refuse replay = refusal(invite(answer));
        assertThat(replay.status()).isEqualTo(407);
        assertThat(replay.headerLines()).contains("stale=true");
    }

    @Test
    void aWrongPasswordAndAnUnknownUsernameGet403() {
        String wrong = SipText.digest("pbx-east", "guess", "INVITE", URI, challengeLines());
        String unknown = SipText.digest("pbx-west", "east-secret", "INVITE", URI, challengeLines());

        assertThat(refusal(invite(wrong)).status()).isEqualTo(403);
        assertThat(refusal(invite(unknown)).status()).isEqualTo(403);
    }

    @Test
    void garbageCredentialsAreChallengedNot403() {
        assertThat(refusal(invite("Basic cGJ4OmVhc3Q=")).status()).isEqualTo(407);
        assertThat(refusal(invite("Digest username=\"pbx-east")).status())
                .isEqualTo(407);
    }

    @Test
    void aSourceThatGuessesWrongTooOftenIsRefusedUnheardEvenWithTheRightAnswerWhileOthersGoOn() {
        for (int i = 0; i < 4; i++) {
            String wrong = SipText.digest("pbx-east", "guess" + i, "INVITE", URI, challengeLines());
            assertThat(refusal(invite(wrong)).status()).isEqualTo(403);
        }
        String right = SipText.digest("pbx-east", "east-secret", "INVITE", URI, challengeLines());
        assertThat(refusal(invite(right)).status()).as("blocked: the right answer is not even checked")
                .isEqualTo(403);
        assertThat(guesses.isBlocked(SOURCE)).isTrue();

        String fromElsewhere = SipText.digest("pbx-east", "east-secret", "INVITE", URI, challengeLines());
        assertThat(digest.check(invite(fromElsewhere), "198.51.100.9")).isInstanceOf(CustomerDigest.Admitted.class);
    }

    @Test
    void withoutAccountsItIsOff() {
        assertThat(CustomerDigest.of(List.of(), List.of(DigestAlgorithm.MD5), guesses, Clock.systemUTC()).enabled())
                .isFalse();
        assertThat(digest.enabled()).isTrue();
    }

    private RoutingDecision.Refuse refusal(SipMessage invite) {
        return (RoutingDecision.Refuse) ((CustomerDigest.Refused) digest.check(invite, SOURCE)).response();
    }

    /** A fresh challenge's header lines, asked from an address of its own (a blocked one gets no challenge). */
    private String challengeLines() {
        CustomerDigest.Refused r = (CustomerDigest.Refused) digest.check(invite(null), "203.0.113.1");
        return ((RoutingDecision.Refuse) r.response()).headerLines();
    }

    private SipMessage invite(String proxyAuthorization) {
        SipMessage m = scanner.newMessage();
        byte[] b = ("INVITE " + URI + " SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bK1\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:a@10.0.0.2>;tag=1\r\nTo: <sip:b@10.0.0.1>\r\nCall-ID: c1\r\n"
                + "CSeq: 1 INVITE\r\n"
                + (proxyAuthorization == null ? "" : "Proxy-Authorization: " + proxyAuthorization + "\r\n")
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(scanner.scan(b, 0, b.length, true, m)).isEqualTo(ScanOutcome.ACCEPTED);
        return m;
    }
}
