package com.crosspoint.sip.b2bua;

import com.crosspoint.call.CallSnapshot;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.model.Binding;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.routing.DialPlan;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a call needs from outside itself: routing, the phones of a user, a way to place and answer legs, its
 * lane and timers, and where its state and its record go. The appliance's is {@link SipCallEnvironment}; unit
 * tests give calls a fake one, with fake legs, so that call behaviour is tested without phones.
 */
interface CallEnvironment {

    DialPlan dialPlan();

    /** Whether a callee who does not answer goes on where their forwarding (or voicemail) leads. */
    default boolean followsForwarding() {
        return true;
    }

    /** The phones registered for {@code user} now. */
    List<Binding> phonesOf(Tenant tenant, User user);

    /** The trunk servers outside calls go to; empty when the node has none. */
    Optional<OutsideLines> outsideLines();

    /** Places {@code call}'s outbound legs. */
    Dialer dialer(B2buaCall call, int maxForwards);

    /** The appliance talks to {@code phone} itself, with {@code app} (see {@link MediaLeg}). */
    ApplicationLeg answering(B2buaCall call, Leg phone, CallApplication app);

    /** What music on hold needs, or empty when the appliance carries no media: holds are then relayed. */
    Optional<AnchoredMedia> anchoredMedia();

    /**
     * Whether and how the call {@code callId} is relayed; {@code onMediaTimeout} runs through {@code lane} when the
     * relay carries the call's audio and neither phone sent any for the relay's timeout.
     */
    MediaAnchor anchor(String callId, Consumer<Runnable> lane, Runnable onMediaTimeout);

    /** Sets up a new call on the lane of {@code callId}; throws RejectedExecutionException when that lane is busy. */
    void admit(String callId, Runnable task);

    /**
     * Runs work of an admitted call on its lane, beyond the admission bound (see {@link
     * com.crosspoint.concurrency.Lanes}); throws RejectedExecutionException only at the lane's hard ceiling.
     */
    void execute(String callId, Runnable task);

    /** Runs {@code task} on the call's lane once {@code after} has passed. */
    CallTimer schedule(String callId, Duration after, Runnable task);

    /** Runs {@code task} on the call's lane every {@code period}. */
    CallTimer every(String callId, Duration period, Runnable task);

    Clock clock();

    /** The call changed: live views follow. */
    void update(CallSnapshot snapshot);

    /** The call is over: its record is committed, then its end is published. */
    void finish(CallRecord record, CallSnapshot ended);

    /** The call is over: it can no longer be found by its id. */
    void forget(B2buaCall call);
}
