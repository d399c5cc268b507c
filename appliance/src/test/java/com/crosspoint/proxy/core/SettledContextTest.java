package com.crosspoint.proxy.core;

import static com.crosspoint.proxy.core.ProxyTestBed.UAC;
import static com.crosspoint.proxy.core.ProxyTestBed.FIRST;
import static com.crosspoint.proxy.core.ProxyTestBed.SECOND;
import static com.crosspoint.proxy.core.SipFixtures.answer;
import static com.crosspoint.proxy.core.SipFixtures.invite;
import static com.crosspoint.proxy.core.SipFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.proxy.core.RecordingSender.Sent;
import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.transport.Transport;
import java.lang.ref.WeakReference;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A transaction lingers 32 s after its final answer (Timer J; RFC 6026's Timer L after a 2xx to an INVITE): then it
 * holds its key and its answer, not the call's targets, branches and their observers. Each call here gets targets of
 * its own that only the core references, watched through a weak reference: while a branch may still answer they
 * stay; once the call is settled a collection takes them, and the lingering transaction still does its work.
 */
class SettledContextTest {
    private final ProxyTestBed bed = new ProxyTestBed();
    private final List<String> events = new ArrayList<>();
    private WeakReference<List<Target>> lastTargets = new WeakReference<>(null);

    /** Fresh targets per request, two carriers with observers; only the core keeps them. */
    private final ProxyCore core = bed.core(ProxyTestBed.settings(), (request, from) -> {
                RoutingDecision.Targets decision = new RoutingDecision.Targets(List.of(
                        new Target(new Destination(Transport.UDP, FIRST), "sip:1@127.0.0.2:5060",
                                () -> new RecordingOutcome("a", events)),
                        new Target(new Destination(Transport.UDP, SECOND), "sip:1@127.0.0.3:5060",
                                () -> new RecordingOutcome("b", events))));
                lastTargets = new WeakReference<>(decision.targets());
                return decision;
            });

    private List<Sent> deliver(String text, InetSocketAddress from) {
        return bed.deliver(core, text, from);
    }

    private static boolean collected(WeakReference<?> ref) {
        System.gc();
        return ref.get() == null;
    }

    @Test
    void anAnsweredInviteLetsGoOfItsTargetsButStillAbsorbsItsRetransmissions() {
        String first = deliver(invite("z9hG4bK-s1", "s1"), UAC).get(1).text();
        WeakReference<List<Target>> targets = lastTargets;
        String second = deliver(answer(first, 503, "Service Unavailable", "x"), FIRST).get(1).text();
        deliver(answer(second, 180, "Ringing", "b1"), SECOND);
        System.gc();
        assertThat(targets.get()).as("a ringing call still needs its targets").isNotNull();

        assertThat(deliver(answer(second, 200, "OK", "b1"), SECOND)).extracting(Sent::firstLine)
                .containsExactly("SIP/2.0 200 OK");
        assertThat(core.liveTransactions()).as("the INVITE lingers (RFC 6026), the failed hop's ACK too").isPositive();
        await().atMost(Duration.ofSeconds(10)).until(() -> collected(targets));

        assertThat(deliver(invite("z9hG4bK-s1", "s1"), UAC)).as("a late retransmission is absorbed, not a new call")
                .isEmpty();
        assertThat(deliver(answer(first, 503, "Service Unavailable", "x"), FIRST))
                .as("the failed hop's retransmitted answer is ACKed again by its own transaction")
                .extracting(Sent::firstLine).containsExactly("ACK sip:1@127.0.0.2:5060 SIP/2.0");
        assertThat(events).containsExactly("a:failed 503", "b:provisional 180", "b:answered");
    }

    @Test
    void aForkedBranchStillPendingKeepsTheCallUntilItEnds() {
        String first = deliver(invite("z9hG4bK-s2", "s2"), UAC).get(1).text();
        WeakReference<List<Target>> targets = lastTargets;
        deliver(answer(first, 180, "Ringing", "b2"), FIRST);
        String cancel = request("CANCEL", "sip:bob@127.0.0.1:5070", "z9hG4bK-s2", "s2", 1, "", "");
        List<Sent> cancelled = deliver(cancel, UAC);
        assertThat(cancelled).extracting(Sent::firstLine).contains("CANCEL sip:1@127.0.0.2:5060 SIP/2.0");
        System.gc();
        assertThat(targets.get()).as("the cancelled branch has not answered yet").isNotNull();

        assertThat(deliver(answer(first, 487, "Request Terminated", "b2"), FIRST)).extracting(Sent::firstLine)
                .containsExactly("ACK sip:1@127.0.0.2:5060 SIP/2.0", "SIP/2.0 487 Request Terminated");
        await().atMost(Duration.ofSeconds(10)).until(() -> collected(targets));
        String again = invite("z9hG4bK-s2", "s2");
        assertThat(deliver(again, UAC)).as("the 487 is kept for retransmissions").extracting(Sent::firstLine)
                .containsExactly("SIP/2.0 487 Request Terminated");
    }
}
