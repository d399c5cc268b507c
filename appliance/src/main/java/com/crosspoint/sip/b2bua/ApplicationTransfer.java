package com.crosspoint.sip.b2bua;

import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.model.User;
import com.crosspoint.routing.Destination;
import com.crosspoint.routing.ForwardingPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A voice application hands the caller it answered to a person: the auto-attendant to a user it dials (ringback
 * meanwhile, the user rung as any call to them is, {@link Hunt}: every phone, their forwarding and
 * do-not-disturb), or a queue to the agents it offers the caller to (the caller keeps hearing the queue's music;
 * each agent's phones ring for the queue's time, without forwarding, all agents at once). The caller's own offer
 * goes to the phones. The first phone to answer gets the caller: the caller is re-INVITEd with that phone's answer
 * and the application's media is released, so the two talk directly. When nobody answers, the application has
 * the caller back and decides what follows. Touched only on the call's lane.
 */
final class ApplicationTransfer implements Hunt.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationTransfer.class);

    private final CallEnvironment env;
    private final B2buaCall call;
    private final Dialer dialer;
    private final ApplicationLeg media;
    /** The phone the application talks to, which is moved to whoever answers. */
    private final Leg caller;
    private final User callerUser;
    private final List<Hunt> hunts = new ArrayList<>();
    /** An offer to agents: how each one's hunt ended, by extension; null when handing to one person. */
    private Map<String, Reason> agents;
    private String extension;
    private DialledLeg answered;
    private boolean over;

    ApplicationTransfer(CallEnvironment env, B2buaCall call, Dialer dialer, ApplicationLeg media, Leg caller,
                        User callerUser) {
        this.env = env;
        this.call = call;
        this.dialer = dialer;
        this.media = media;
        this.caller = caller;
        this.callerUser = callerUser;
    }

    Leg phone() {
        return caller;
    }

    private Hunt hunt(Hunt.Ringing ringing) {
        Hunt hunt = new Hunt(env, call, dialer, new Dialer.Party(callerUser.extension(), callerUser.displayName()),
                callerUser, caller.lastSdp(), this, ringing);
        hunts.add(hunt);
        return hunt;
    }

    /** Rings {@code number} as the dial plan routes it, with ringback. */
    void toPerson(String number) {
        extension = number;
        media.ringback();
        Destination target = env.dialPlan().routeWithin(call.tenant(), callerUser, number);
        if (target instanceof Destination.Extension user) {
            hunt(Hunt.Ringing.AS_THE_USER_SET).start(user);
        } else if (target instanceof Destination.Mailbox mailbox) {
            giveBack(mailbox.reason(), mailbox.app());
        } else if (target.answeringApp() != null) {
            // a menu, a room or a queue: nobody to ring, the application may switch the caller to it
            giveBack(Reason.UNAVAILABLE, target.answeringApp());
        } else {
            // refused, and outside numbers too: a menu that dials out for anonymous callers is how toll fraud works
            giveBack(Reason.UNAVAILABLE, null);
        }
    }

    /** Offers the caller to the agents with {@code extensions}, each rung for {@code seconds}, all at once. */
    void toAgents(List<String> extensions, int seconds) {
        agents = new LinkedHashMap<>();
        Map<String, User> users = new LinkedHashMap<>();
        for (String agent : extensions) {
            Optional<User> user = env.dialPlan().user(call.tenant().id(), agent);
            agents.put(agent, user.isPresent() ? null : Reason.UNAVAILABLE);
            user.ifPresent(u -> users.put(agent, u));
        }
        if (users.isEmpty()) {
            offerEnded();
            return;
        }
        for (User user : users.values()) {
            if (!over) {
                hunt(Hunt.Ringing.offer(seconds)).start(new Destination.Extension(user, ForwardingPath.START));
            }
        }
    }

    /** A phone answered (and was ACKed): move the caller over to it. */
    @Override
    public void onAnswered(DialledLeg leg, User user) {
        if (over) {
            leg.bye(); // the caller is gone, or another agent was first
            return;
        }
        answered = leg;
        hunts.forEach(Hunt::abandon); // the other agents stop ringing
        caller.offer(leg.lastSdp(), (status, sdp) -> {
            if (over) {
                return;
            }
            if (!OfferListener.accepted(status)) {
                broken(leg, "re-INVITE answered " + status);
                return;
            }
            over = true;
            if (agents != null) {
                media.offerAnswered(user.extension());
            }
            media.release();
            call.applicationTransferConnected(this, leg, user);
        });
    }

    /** The caller could not be moved: both phones hang up, as when a transfer fails half-way. */
    private void broken(DialledLeg leg, String why) {
        LOG.warn("call {}: cannot connect the caller to {}: {}", call.id(), leg.label(), why);
        over = true;
        leg.bye();
        call.applicationTransferEnded(this);
        media.release();
        call.applicationHungUp();
    }

    @Override
    public void onUnanswered(Hunt.Unanswered outcome) {
        if (agents == null) {
            giveBack(outcome.reason(), outcome.next().answeringApp());
            return;
        }
        agents.put(outcome.user().extension(), outcome.reason());
        if (answered == null && agents.values().stream().allMatch(r -> r != null)) {
            offerEnded();
        }
    }

    private void offerEnded() {
        over = true;
        call.applicationTransferEnded(this);
        media.offerFailed(Map.copyOf(agents));
    }

    private void giveBack(Reason reason, CallApplication instead) {
        over = true;
        call.applicationTransferEnded(this);
        media.transferFailed(extension, reason, instead);
    }

    /** The caller hung up or the call was ended: stop ringing, and hang up a phone that answered meanwhile. */
    void abandon() {
        if (over) {
            return;
        }
        over = true;
        hunts.forEach(Hunt::abandon);
        if (answered != null) {
            answered.bye();
        }
    }
}
