package com.crosspoint.sip;

import com.crosspoint.events.Event;
import com.crosspoint.events.RegistrationEvent;
import com.crosspoint.model.Binding;
import com.crosspoint.nat.NatAction;
import com.crosspoint.nat.NatEvidence;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.address.URI;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OPTIONS pings to the NAT mappings of registered UDP phones ({@code nat.keepaliveSeconds}), so that a phone that
 * sends no keepalives of its own (most do not) can still be called: the ping refreshes the NAT's mapping from our
 * side, and its answer from the phone's. Only bindings whose registration found a NAT are pinged, each at most once
 * per interval and never while its previous ping is unanswered, and at most {@link #MAX_PER_TICK} pings leave per
 * tick, so the pings cannot be aimed at anyone else or turned into a flood (docs/security.md).
 *
 * <p>A flow whose pings go unanswered {@link KeepaliveTarget#NOTED_AFTER} times in a row is noted on its binding's finding; the
 * binding stays until it expires (the phone may only refuse OPTIONS), and an answer clears the note.
 */
public final class NatKeepalives {
    private static final Logger LOG = LoggerFactory.getLogger(NatKeepalives.class);
    /** Pings sent per tick at most (ticks are one second apart): bounds the rate whatever the number of flows. */
    public static final int MAX_PER_TICK = 200;

    private final SipMessages messages;
    private final Duration interval;
    private final BiConsumer<Binding, Optional<NatEvidence>> notes;
    private final Clock clock;
    private final Map<String, KeepaliveTarget> targets = new ConcurrentHashMap<>();

    /**
     * @param notes told when a binding's pings go unanswered (evidence) or are answered again (empty)
     */
    public NatKeepalives(SipMessages messages, Duration interval, BiConsumer<Binding, Optional<NatEvidence>> notes,
                         Clock clock) {
        this.messages = messages;
        this.interval = interval;
        this.notes = notes;
        this.clock = clock;
    }

    public static boolean concerns(Event e) {
        return e instanceof RegistrationEvent;
    }

    /** Subscribe this to the event bus; also fed the restored bindings at start. */
    public void onEvent(Event e) {
        if (!(e instanceof RegistrationEvent r)) {
            return;
        }
        String key = r.binding().aor() + " " + r.binding().contact();
        boolean ping = (r.kind() == RegistrationEvent.Kind.ADDED || r.kind() == RegistrationEvent.Kind.REFRESHED)
                && r.nat().actions().contains(NatAction.KEEPALIVE_PINGS);
        if (!ping) {
            targets.remove(key);
            return;
        }
        targets.compute(key, (k, old) -> old == null ? new KeepaliveTarget(r.binding(), firstPing()) : old.refreshed(r.binding()));
    }

    /** Sends the pings that are due; run every second on the timer thread. */
    public void tick() {
        Instant now = clock.instant();
        int sent = 0;
        for (KeepaliveTarget t : targets.values()) {
            if (sent >= MAX_PER_TICK) {
                break;
            }
            if (t.due(now)) {
                t.sending(now.plus(interval));
                ping(t);
                sent++;
            }
        }
    }

    /** Flows currently pinged. */
    public int size() {
        return targets.size();
    }

    /** Spread the first pings over one interval so a burst of registrations does not ping in step. */
    private Instant firstPing() {
        return clock.instant().plusMillis(ThreadLocalRandom.current().nextLong(Math.max(1, interval.toMillis())));
    }

    private void ping(KeepaliveTarget t) {
        Binding b = t.binding();
        try {
            URI target = messages.addresses().createURI(b.contact());
            var ours = messages.addresses().createAddress(messages.addresses().createSipURI("keepalive", messages.host()));
            var theirs = messages.addresses().createAddress(messages.addresses().createURI(b.aor()));
            Request rq = messages.factory().createRequest(target, Request.OPTIONS, messages.newCallId(),
                    messages.headers().createCSeqHeader(1L, Request.OPTIONS),
                    messages.headers().createFromHeader(ours, messages.newTag()),
                    messages.headers().createToHeader(theirs, null), List.of(messages.via("UDP")),
                    messages.headers().createMaxForwardsHeader(70));
            ClientTransaction ct = messages.provider().getNewClientTransaction(rq);
            ct.setApplicationData(new Answer(t));
            ct.sendRequest();
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            LOG.debug("keepalive to {} ({}) not sent: {}", b.contact(), b.source(), e.getMessage());
            t.answered(false, clock.instant());
        }
    }

    private final class Answer implements ResponseListener {
        private final KeepaliveTarget target;

        Answer(KeepaliveTarget target) {
            this.target = target;
        }

        @Override
        public void onResponse(ResponseEvent event) {
            // Any final answer, even 405 or 404, came back through the mapping: it is open.
            if (event.getResponse().getStatusCode() >= 200) {
                result(true);
            }
        }

        @Override
        public void onTimeout() {
            result(false);
        }

        private void result(boolean answered) {
            int missed = target.answered(answered, clock.instant());
            Binding b = target.binding();
            if (!answered && missed == KeepaliveTarget.NOTED_AFTER) {
                LOG.info("keepalive pings to {} at {} unanswered {} times in a row", b.aor(), b.source(), missed);
                notes.accept(b, Optional.of(new NatEvidence(NatEvidence.Sign.PINGS_UNANSWERED, missed
                        + " keepalive pings in a row to " + b.source() + " got no answer (since "
                        + target.missingSince() + "): the NAT mapping may have closed.")));
            } else if (answered && missed < 0) {
                notes.accept(b, Optional.empty());
            }
        }
    }
}
