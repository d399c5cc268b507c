package com.crosspoint.boot;

import com.crosspoint.config.AnchorPolicy;
import com.crosspoint.config.NatConfig;
import com.crosspoint.events.Event;
import com.crosspoint.events.EventBus;
import com.crosspoint.events.RegistrationEvent;
import com.crosspoint.model.Binding;
import com.crosspoint.registrar.NatPolicy;
import com.crosspoint.registrar.Registrar;
import com.crosspoint.sip.FlowFailures;
import com.crosspoint.sip.NatKeepalives;
import com.crosspoint.sip.SipServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires what keeps NATed phones reachable (docs/nat.md): OPTIONS pings to NATed UDP flows ({@code nat.keepaliveSeconds})
 * and the check for failed TCP/TLS flows (noted on their findings) on the timer thread, and the flows of the bindings
 * that survived a restart, replayed into the flow table, the failure check and the pinger: requests to a NATed phone
 * must reach its mapping before it registers again.
 */
final class NatFlows {
    private static final Logger LOG = LoggerFactory.getLogger(NatFlows.class);

    private NatFlows() {
    }

    /** What the registrar applies to NATed phones. */
    static NatPolicy policy(NatConfig nat, AnchorPolicy anchor) {
        return new NatPolicy(nat.udpExpires(), nat.keepaliveSeconds(), anchor != AnchorPolicy.NEVER,
                anchor == AnchorPolicy.ALWAYS, nat.flowTimerSeconds());
    }

    static void start(NatConfig nat, SipServer sip, Registrar registrar, EventBus events,
                      ScheduledExecutorService timers, Clock clock) {
        events.subscribe("sip-flows", com.crosspoint.sip.FlowTable::concerns, sip.flows()::onEvent);
        FlowFailures failures = sip.flowFailures();
        failures.noteTo(registrar::noteFlowFailed);
        events.subscribe("sip-flow-failures", FlowFailures::concerns, failures::onEvent);
        timers.scheduleWithFixedDelay(() -> {
            try {
                failures.check();
            } catch (RuntimeException e) {
                LOG.warn("flow failure check failed", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
        Consumer<Event> replay = ((Consumer<Event>) sip.flows()::onEvent).andThen(failures::onEvent);
        if (nat.keepaliveSeconds() > 0) {
            NatKeepalives keepalives = new NatKeepalives(sip.messages(), Duration.ofSeconds(nat.keepaliveSeconds()),
                    registrar::notePings, clock);
            events.subscribe("nat-keepalives", NatKeepalives::concerns, keepalives::onEvent);
            timers.scheduleWithFixedDelay(() -> {
                try {
                    keepalives.tick();
                } catch (RuntimeException e) {
                    LOG.warn("keepalive pings failed", e);
                }
            }, 1, 1, TimeUnit.SECONDS);
            replay = replay.andThen(keepalives::onEvent);
        }
        Instant now = clock.instant();
        for (Binding b : registrar.all()) {
            replay.accept(new RegistrationEvent(RegistrationEvent.Kind.ADDED, b, now, registrar.natOf(b)));
        }
    }
}
