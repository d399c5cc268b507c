package com.crosspoint.proxy.core;

import static com.crosspoint.proxy.core.ProxyTestBed.UAC;
import static com.crosspoint.proxy.core.ProxyTestBed.FIRST;
import static com.crosspoint.proxy.core.ProxyTestBed.SECOND;
import static com.crosspoint.proxy.core.SipFixtures.answer;
import static com.crosspoint.proxy.core.SipFixtures.invite;
import static com.crosspoint.proxy.core.SipFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.proxy.core.RecordingSender.Sent;
import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.transport.Transport;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a {@link TargetResolver}'s targets carry to the core: a Request-URI per target, an observer that may decline a
 * target and hears each branch's outcome (PDD, answer, failure, the BYE of the dialog), and failover on silence.
 */
class BranchObserverTest {
    private final ProxyTestBed bed = new ProxyTestBed();
    private final List<String> events = new ArrayList<>();
    private boolean firstDeclines;

    /** Records every outcome as "name:event". */
    private BranchObserver observer(String name, boolean decline) {
        return () -> decline && firstDeclines ? null : new RecordingOutcome(name, events);
    }

    private ProxyCore core(long silenceMillis) {
        RoutingDecision targets = new RoutingDecision.Targets(List.of(
                new Target(new Destination(Transport.UDP, FIRST), "sip:99+15551234@127.0.0.2:5060", observer("a", true)),
                new Target(new Destination(Transport.UDP, SECOND), "sip:+15551234@127.0.0.3:5060", observer("b", false))));
        return bed.core(ProxyTestBed.settings().withSilence(silenceMillis), (request, from) -> targets);
    }

    private List<Sent> deliver(ProxyCore core, String text, InetSocketAddress from) {
        return bed.deliver(core, text, from);
    }

    private List<Sent> advance(long millis) {
        return bed.advance(millis);
    }

    @Test
    void eachTargetGetsItsOwnRequestUriAndEveryOutcomeIsReportedUpToTheBye() {
        ProxyCore core = core(0);
        List<Sent> out = deliver(core, invite("z9hG4bK-o1", "o1"), UAC);
        String first = out.get(1).text();
        assertThat(first).startsWith("INVITE sip:99+15551234@127.0.0.2:5060 SIP/2.0\r\n");
        String second = deliver(core, answer(first, 503, "Service Unavailable", "x"), FIRST).get(1).text();
        assertThat(second).startsWith("INVITE sip:+15551234@127.0.0.3:5060 SIP/2.0\r\n");
        deliver(core, answer(second, 100, "Trying", null), SECOND);
        deliver(core, answer(second, 180, "Ringing", "b1"), SECOND);
        deliver(core, answer(second, 200, "OK", "b1"), SECOND);
        assertThat(core.trackedDialogs()).isEqualTo(1);

        String bye = request("BYE", "sip:bob@127.0.0.3:5060", "z9hG4bK-bye1", "o1", 2,
                "Route: <sip:127.0.0.1:5070;lr>\r\n", "").replace("To: <sip:bob@127.0.0.1>", "To: <sip:bob@127.0.0.1>;tag=b1");
        assertThat(deliver(core, bye, UAC)).extracting(Sent::to).containsExactly("UDP 127.0.0.3:5060");
        assertThat(events).containsExactly("a:failed 503", "b:provisional 180", "b:answered", "b:ended");
        assertThat(core.trackedDialogs()).isZero();
    }

    @Test
    void aDeclinedTargetIsSkipped() {
        firstDeclines = true;
        ProxyCore core = core(0);
        List<Sent> out = deliver(core, invite("z9hG4bK-o2", "o2"), UAC);
        assertThat(out).extracting(Sent::to).containsExactly("UDP 127.0.0.1:5061", "UDP 127.0.0.3:5060");
        assertThat(core.counters().targetsSkipped()).isEqualTo(1);
    }

    @Test
    void aSilentTargetIsGivenUpAfterTheSilenceNotTimerB() {
        ProxyCore core = core(300);
        deliver(core, invite("z9hG4bK-o3", "o3"), UAC);
        List<Sent> out = advance(300);
        assertThat(out).extracting(Sent::to).containsExactly("UDP 127.0.0.3:5060");
        assertThat(events).containsExactly("a:failed 408");
        assertThat(core.counters().silentBranches()).isEqualTo(1);
        String second = out.get(0).text();
        deliver(core, answer(second, 100, "Trying", null), SECOND);
        assertThat(advance(1000)).as("a branch that answered 100 is not silent").isEmpty();
        deliver(core, answer(second, 486, "Busy Here", "b3"), SECOND);
        assertThat(events).containsExactly("a:failed 408", "b:failed 486");
    }

    @Test
    void anUpstreamCancelEndsTheRingingBranchAs487() {
        ProxyCore core = core(0);
        String first = deliver(core, invite("z9hG4bK-o4", "o4"), UAC).get(1).text();
        deliver(core, answer(first, 180, "Ringing", "b4"), FIRST);
        String cancel = request("CANCEL", "sip:bob@127.0.0.1:5070", "z9hG4bK-o4", "o4", 1, "", "");
        deliver(core, cancel, UAC);
        assertThat(events).containsExactly("a:provisional 180", "a:failed 487");
    }
}
