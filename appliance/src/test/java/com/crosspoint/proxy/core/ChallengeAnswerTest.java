package com.crosspoint.proxy.core;

import static com.crosspoint.proxy.core.SipFixtures.answer;
import static com.crosspoint.proxy.core.SipFixtures.header;
import static com.crosspoint.proxy.core.SipFixtures.invite;
import static com.crosspoint.proxy.core.SipFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.proxy.core.RecordingSender.Sent;
import com.crosspoint.proxy.transaction.TimerSettings;
import com.crosspoint.proxy.transaction.TimerWheel;
import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.transport.Flow;
import com.crosspoint.proxy.transport.Transport;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A hop's digest challenge answered by the core for a target with a {@link ChallengeResponder}: the INVITE again
 * once, as a new client transaction (new branch, same CSeq), with the responder's header; the 407 ACKed hop by hop
 * and never passed upstream; a second challenge, or none answerable, fails over to the next target; an upstream
 * CANCEL reaches the branch with credentials.
 */
class ChallengeAnswerTest {
    private static final InetSocketAddress UAC = new InetSocketAddress("127.0.0.1", 5061);
    private static final InetSocketAddress FIRST = new InetSocketAddress("127.0.0.2", 5060);
    private static final InetSocketAddress SECOND = new InetSocketAddress("127.0.0.3", 5060);
    private static final TimerSettings TIMERS = new TimerSettings(500, 4000, 5000, 2000, 10_000);
    private static final String CREDENTIALS = "Proxy-Authorization: Digest username=\"router\"\r\n";

    private final AtomicLong nanos = new AtomicLong();
    private final TimerWheel wheel = new TimerWheel(nanos::get, 10, 256);
    private final RecordingSender sender = new RecordingSender();
    private final List<String> events = new ArrayList<>();
    private final List<String> challengedUris = new ArrayList<>();

    private BranchObserver observer(String name) {
        return () -> new RecordingOutcome(name, events);
    }

    private ProxyCore core(ChallengeResponder first) {
        ChallengeResponder recording = first == null ? null : (challenge, sent) -> {
            challengedUris.add(sent.requestUri());
            return first.answer(challenge, sent);
        };
        RoutingDecision targets = new RoutingDecision.Targets(List.of(
                new Target(new Destination(Transport.UDP, FIRST), "sip:+15551234@127.0.0.2:5060", observer("a"),
                        recording),
                new Target(new Destination(Transport.UDP, SECOND), "sip:+15551234@127.0.0.3:5060", observer("b"))));
        return new ProxyCore(ProxySettings.defaults("127.0.0.1", 5070).withTimers(TIMERS),
                new LocalEndpoint("127.0.0.1", 5070, 5070), (request, from) -> targets, sender, wheel);
    }

    private List<Sent> deliver(ProxyCore core, String text, InetSocketAddress from) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        core.onMessage(b, 0, b.length, Flow.udp(from));
        return sender.take();
    }

    private static String challenge(String request, int status) {
        String reason = status == 407 ? "Proxy Authentication Required" : "Unauthorized";
        String name = status == 407 ? "Proxy-Authenticate" : "WWW-Authenticate";
        return answer(request, status, reason, "c1").replace("Content-Length: 0\r\n",
                name + ": Digest realm=\"carrier\", nonce=\"n1\"\r\nContent-Length: 0\r\n");
    }

    @Test
    void aChallengeIsAnsweredOnceWithANewBranchTheSameCseqAndTheCredentials() {
        ProxyCore core = core((challenge, sent) -> CREDENTIALS);
        String first = deliver(core, invite("z9hG4bK-c1", "c1"), UAC).get(1).text();

        List<Sent> out = deliver(core, challenge(first, 407), FIRST);

        assertThat(out).extracting(Sent::to).containsExactly("UDP 127.0.0.2:5060", "UDP 127.0.0.2:5060");
        assertThat(out.get(0).text()).startsWith("ACK sip:+15551234@127.0.0.2:5060 SIP/2.0")
                .contains(header(first, "Via"));
        String retry = out.get(1).text();
        assertThat(retry).startsWith("INVITE sip:+15551234@127.0.0.2:5060 SIP/2.0").contains(CREDENTIALS)
                .endsWith("\r\n\r\nv=0\r\n");
        assertThat(header(retry, "CSeq")).isEqualTo("1 INVITE");
        assertThat(header(retry, "Call-ID")).isEqualTo(header(first, "Call-ID"));
        assertThat(header(retry, "Via")).isNotEqualTo(header(first, "Via"))
                .startsWith("SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKcx");
        assertThat(challengedUris).containsExactly("sip:+15551234@127.0.0.2:5060");

        List<Sent> ok = deliver(core, answer(retry, 200, "OK", "c2"), FIRST);
        assertThat(ok).extracting(Sent::upstream).containsExactly(true);
        assertThat(ok.get(0).text()).startsWith("SIP/2.0 200 OK").contains("CSeq: 1 INVITE");
        assertThat(events).containsExactly("a:answered");
        assertThat(core.counters().challengesAnswered()).isEqualTo(1);
    }

    @Test
    void aSecondChallengeFailsOverToTheNextTargetAndIsNeverPassedUp() {
        ProxyCore core = core((challenge, sent) -> CREDENTIALS);
        String first = deliver(core, invite("z9hG4bK-c2", "c2"), UAC).get(1).text();
        String retry = deliver(core, challenge(first, 401), FIRST).get(1).text();

        List<Sent> out = deliver(core, challenge(retry, 401), FIRST);

        assertThat(out).extracting(Sent::to).containsExactly("UDP 127.0.0.2:5060", "UDP 127.0.0.3:5060");
        assertThat(out.get(0).text()).startsWith("ACK ");
        assertThat(out.get(1).text()).startsWith("INVITE sip:+15551234@127.0.0.3:5060").doesNotContain("Authorization");
        assertThat(events).as("a carrier refusing our credentials failed").containsExactly("a:failed 503");
        assertThat(challengedUris).hasSize(1);
    }

    @Test
    void aChallengeNobodyCanAnswerFailsOverAndWithoutAResponderItIsPassedUp() {
        ProxyCore none = core(ChallengeResponder.NONE);
        String first = deliver(none, invite("z9hG4bK-c3", "c3"), UAC).get(1).text();
        assertThat(deliver(none, challenge(first, 407), FIRST)).extracting(Sent::to)
                .containsExactly("UDP 127.0.0.2:5060", "UDP 127.0.0.3:5060");

        ProxyCore plain = core(null);
        String other = deliver(plain, invite("z9hG4bK-c4", "c4"), UAC).get(1).text();
        List<Sent> out = deliver(plain, challenge(other, 407), FIRST);
        assertThat(out).extracting(Sent::to).containsExactly("UDP 127.0.0.2:5060", "UDP 127.0.0.1:5061");
        assertThat(out.get(1).text()).as("a proxy passes a challenge it does not answer upstream (§16.7)")
                .startsWith("SIP/2.0 407");
    }

    @Test
    void anUpstreamCancelReachesTheBranchWithCredentials() {
        ProxyCore core = core((challenge, sent) -> CREDENTIALS);
        String first = deliver(core, invite("z9hG4bK-c5", "c5"), UAC).get(1).text();
        String retry = deliver(core, challenge(first, 407), FIRST).get(1).text();
        deliver(core, answer(retry, 180, "Ringing", "c6"), FIRST);

        List<Sent> out = deliver(core, request("CANCEL", "sip:bob@127.0.0.1:5070", "z9hG4bK-c5", "c5", 1, "", ""), UAC);

        Sent cancel = out.stream().filter(s -> s.text().startsWith("CANCEL")).findFirst().orElseThrow();
        assertThat(cancel.to()).isEqualTo("UDP 127.0.0.2:5060");
        assertThat(header(cancel.text(), "Via")).isEqualTo(header(retry, "Via"));
        assertThat(header(cancel.text(), "CSeq")).isEqualTo("1 CANCEL");
        assertThat(events).containsExactly("a:provisional 180", "a:failed 487");
    }
}
