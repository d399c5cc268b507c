package com.crosspoint.proxy.core;

import static com.crosspoint.proxy.core.SipFixtures.answer;
import static com.crosspoint.proxy.core.SipFixtures.invite;
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
 * The core's side of transport errors, on a hand-driven clock: a connection to a hop that failed before it carried
 * anything ends the branches waiting on it as that hop's 503 (its observer hears, the next target is tried at once),
 * and leaves alone a branch that already had an answer or that started after the failure.
 */
class TransportErrorsTest {
    private static final InetSocketAddress UAC = new InetSocketAddress("127.0.0.1", 5061);
    private static final Destination FIRST = new Destination(Transport.TLS, new InetSocketAddress("127.0.0.2", 5061));
    private static final Destination SECOND = new Destination(Transport.TCP, new InetSocketAddress("127.0.0.3", 5060));
    private static final TimerSettings TIMERS = new TimerSettings(500, 4000, 5000, 32_000, 180_000);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final TimerWheel wheel = new TimerWheel(nanos::get, 10, 256);
    private final RecordingSender sender = new RecordingSender();
    private final List<String> events = new ArrayList<>();

    private ProxyCore core(Destination... hops) {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < hops.length; i++) {
            String name = String.valueOf((char) ('a' + i));
            targets.add(new Target(hops[i], null, () -> new RecordingOutcome(name, events)));
        }
        RoutingDecision decision = new RoutingDecision.Targets(targets);
        return new ProxyCore(ProxySettings.defaults("127.0.0.1", 5070).withTimers(TIMERS).withSilence(30_000),
                new LocalEndpoint("127.0.0.1", 5070, 5070, 5071), (request, from) -> decision, sender, wheel);
    }

    private List<Sent> deliver(ProxyCore core, String text, InetSocketAddress from) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        core.onMessage(b, 0, b.length, Flow.udp(from));
        return sender.take();
    }

    /** One tick of the wheel, where the reported failures are handled. */
    private List<Sent> tick() {
        nanos.addAndGet(20_000_000L);
        wheel.advance();
        return sender.take();
    }

    @Test
    void aFailedConnectEndsTheBranchAsA503AndTheNextTargetIsTriedAtOnce() {
        ProxyCore core = core(FIRST, SECOND);
        assertThat(deliver(core, invite("z9hG4bK-t1", "t1"), UAC)).extracting(Sent::to)
                .containsExactly("UDP 127.0.0.1:5061", "TLS 127.0.0.2:5061");

        sender.connectFailures.connectFailed(FIRST, nanos.get());
        assertThat(events).as("handled on the wheel, not on the reporting thread").isEmpty();

        assertThat(tick()).extracting(Sent::to).containsExactly("TCP 127.0.0.3:5060");
        assertThat(events).containsExactly("a:failed 503");
        assertThat(core.counters().transportErrors()).isEqualTo(1);
        assertThat(core.counters().failovers()).isEqualTo(1);
        assertThat(core.counters().silentBranches()).isZero();
    }

    @Test
    void theLastTargetsTransportErrorAnswersTheCaller500() {
        ProxyCore core = core(FIRST);
        deliver(core, invite("z9hG4bK-t2", "t2"), UAC);
        sender.connectFailures.connectFailed(FIRST, nanos.get());

        List<Sent> out = tick();
        assertThat(out).extracting(Sent::firstLine).containsExactly("SIP/2.0 500 Server Internal Error");
        assertThat(out.get(0).upstream()).isTrue();
        assertThat(events).containsExactly("a:failed 503");
        assertThat(core.pendingTransactions()).isZero();
    }

    @Test
    void aBranchThatHadAnAnswerOrStartedAfterTheFailureIsLeftAlone() {
        ProxyCore core = core(FIRST, SECOND);
        String first = deliver(core, invite("z9hG4bK-t3", "t3"), UAC).get(1).text();
        deliver(core, answer(first, 100, "Trying", null), FIRST.address());
        sender.connectFailures.connectFailed(FIRST, nanos.get());
        assertThat(tick()).as("the hop answered: the request reached it").isEmpty();

        long before = nanos.get() - 1;
        ProxyCore other = core(FIRST, SECOND);
        deliver(other, invite("z9hG4bK-t4", "t4"), UAC);
        sender.connectFailures.connectFailed(FIRST, before);
        assertThat(tick()).as("sent after the failure: it went on a new connection").isEmpty();
        assertThat(events).isEmpty();
        assertThat(core.counters().transportErrors() + other.counters().transportErrors()).isZero();
    }
}
