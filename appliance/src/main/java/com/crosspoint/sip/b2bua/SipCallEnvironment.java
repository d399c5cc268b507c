package com.crosspoint.sip.b2bua;

import com.crosspoint.call.ActiveCalls;
import com.crosspoint.call.CallRecords;
import com.crosspoint.call.CallSnapshot;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.concurrency.Lanes;
import com.crosspoint.model.Binding;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.registrar.Registrar;
import com.crosspoint.routing.DialPlan;
import com.crosspoint.sip.SipMessages;
import com.crosspoint.sip.registrar.RegisterHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance's side of every call of the B2BUA: JAIN-SIP legs, the registrar's bindings, the call lanes and
 * the timer scheduler, the live-calls table and the CDR writer. {@code media} is null when calls are only relayed.
 */
final class SipCallEnvironment implements CallEnvironment {
    private static final Logger LOG = LoggerFactory.getLogger(SipCallEnvironment.class);

    private final SipMessages messages;
    private final DialPlan dialPlan;
    private final Registrar registrar;
    private final Lanes lanes;
    private final ScheduledExecutorService timers;
    private final ActiveCalls active;
    private final CallRecords records;
    private final CallTable table = new CallTable();
    private final Clock clock;
    private final MediaServices media;
    private final CallAnchoring anchoring;
    private final OutsideLines outside;

    /** @param outside the trunk servers of outside calls; null when there are none */
    SipCallEnvironment(SipMessages messages, DialPlan dialPlan, Registrar registrar, Lanes lanes,
                       ScheduledExecutorService timers, ActiveCalls active, CallRecords records, Clock clock,
                       MediaServices media, CallAnchoring anchoring, OutsideLines outside) {
        this.messages = messages;
        this.dialPlan = dialPlan;
        this.registrar = registrar;
        this.lanes = lanes;
        this.timers = timers;
        this.active = active;
        this.records = records;
        this.clock = clock;
        this.media = media;
        this.anchoring = anchoring;
        this.outside = outside;
    }

    SipMessages messages() {
        return messages;
    }

    CallTable table() {
        return table;
    }

    @Override
    public DialPlan dialPlan() {
        return dialPlan;
    }

    @Override
    public Optional<OutsideLines> outsideLines() {
        return Optional.ofNullable(outside);
    }

    @Override
    public List<Binding> phonesOf(Tenant tenant, User user) {
        List<Binding> phones = registrar.lookup(RegisterHandler.aorOf(tenant, user.extension()));
        // RFC 5626 §5.3: a binding whose TCP/TLS connection closed cannot be reached; ringing it would only time out.
        for (Binding b : phones) {
            if (messages.flowFailures().failed(b)) {
                return phones.stream().filter(p -> !messages.flowFailures().failed(p)).toList();
            }
        }
        return phones;
    }

    @Override
    public Dialer dialer(B2buaCall call, int maxForwards) {
        return new SipDialer(messages, call, call.tenant().domain(), maxForwards);
    }

    @Override
    public ApplicationLeg answering(B2buaCall call, Leg phone, CallApplication app) {
        if (media == null) {
            throw new IllegalStateException("no media: the dial plan has no applications to answer with");
        }
        return new MediaLeg(media, call, phone, app);
    }

    @Override
    public Optional<AnchoredMedia> anchoredMedia() {
        return Optional.ofNullable(media);
    }

    @Override
    public MediaAnchor anchor(String callId, Consumer<Runnable> lane, Runnable onMediaTimeout) {
        return anchoring.forCall(callId, lane, onMediaTimeout);
    }

    @Override
    public void admit(String callId, Runnable task) {
        lanes.admit(callId, task);
    }

    @Override
    public void execute(String callId, Runnable task) {
        lanes.execute(callId, task);
    }

    @Override
    public CallTimer schedule(String callId, Duration after, Runnable task) {
        ScheduledFuture<?> f = timers.schedule(() -> onLane(callId, task), after.toMillis(), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public CallTimer every(String callId, Duration period, Runnable task) {
        long millis = period.toMillis();
        ScheduledFuture<?> f = timers.scheduleAtFixedRate(() -> onLane(callId, task), millis, millis,
                TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    private void onLane(String callId, Runnable task) {
        try {
            lanes.execute(callId, task);
        } catch (RejectedExecutionException e) {
            LOG.warn("call {} lost a timer: lane full", callId);
        }
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void update(CallSnapshot snapshot) {
        active.update(snapshot);
    }

    @Override
    public void finish(CallRecord record, CallSnapshot ended) {
        records.finish(outside == null ? record : outside.billing().running().stamped(record), ended);
    }

    @Override
    public void forget(B2buaCall call) {
        table.remove(call);
    }
}
