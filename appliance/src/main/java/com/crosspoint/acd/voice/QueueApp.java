package com.crosspoint.acd.voice;

import com.crosspoint.acd.AgentState;
import com.crosspoint.acd.ContactCenter;
import com.crosspoint.acd.EntrySink;
import com.crosspoint.acd.Offer;
import com.crosspoint.acd.QueueCalls;
import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.QueueEntry;
import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.call.voice.CallChannel;
import com.crosspoint.call.voice.CallChannel.Audio;
import com.crosspoint.voicemail.Spoken;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A caller waiting in a queue: joins it, hears position and estimated wait and then music, again every
 * announcement interval; is offered to the agents the queue picks ({@link CallChannel#offerTo}) and waits on at the
 * same place when none answers; leaves for the overflow target when the queue is full or the wait too long. After
 * the queue's callback wait the caller may choose to be called back ({@link CallbackMenu}): the place is kept by a
 * stored callback, the caller hears goodbye and is hung up. Runs on the call's lane; the contact center's offers
 * hop onto it.
 */
public final class QueueApp implements CallApplication {
    private static final Duration TICK = Duration.ofSeconds(1);

    /** The queue the caller waits in: a supervisor may move them to another. */
    private QueueConfig queue;
    private final String caller;
    private final String callerName;
    private final QueueServices services;
    private final CallbackMenu callbackMenu;
    private CallChannel channel;
    private long entryId;
    private int waitedSeconds;
    private Offer offer;
    /** Something is being said; music follows it. */
    private boolean announcing;
    /** The caller left the queue: answered, overflowed or hung up. */
    private boolean left;

    public QueueApp(QueueConfig queue, String caller, String callerName, QueueServices services) {
        this.queue = queue;
        this.caller = caller;
        this.callerName = callerName == null ? "" : callerName;
        this.services = services;
        this.callbackMenu = new CallbackMenu(caller, this::say, this::keepPlace);
    }

    @Override
    public String label() {
        return "queue " + queue.number();
    }

    @Override
    public void start(CallChannel ch) {
        channel = ch;
        ContactCenter.Joined joined = services.center().join(queue.id(), caller, callerName, false, new EntrySink() {
            @Override
            public void offer(Offer o) {
                ch.onLane(() -> offered(o));
            }

            @Override
            public void moved(QueueEntry entry) {
                ch.onLane(() -> movedTo(entry));
            }
        });
        if (!joined.accepted()) {
            left = true;
            overflow();
            return;
        }
        entryId = joined.entryId();
        announce(joined.position(), joined.estimatedWaitSeconds());
        ch.startTimer(TICK);
    }

    private void announce(int position, long waitSeconds) {
        List<String> words = new ArrayList<>(List.of("queue-position"));
        words.addAll(Spoken.number(position));
        if (waitSeconds < 60) {
            words.add("queue-less-than-a-minute");
        } else {
            words.add("queue-wait");
            words.addAll(Spoken.number((int) Math.min(Integer.MAX_VALUE, (waitSeconds + 59) / 60)));
            words.add("queue-minutes");
        }
        say(words.stream().map(Audio::prompt).toList());
    }

    private void say(List<Audio> items) {
        announcing = true;
        channel.play(items, false);
    }

    @Override
    public void onPlayed() {
        if (announcing && !left) {
            announcing = false;
            channel.connectAudio(services.music().get(), null);
        } else if (left) {
            channel.hangUp(); // the goodbye was said
        }
    }

    @Override
    public void onTimer() {
        if (left) {
            return;
        }
        waitedSeconds++;
        if (offer == null && queue.maxWaitSeconds() > 0 && waitedSeconds >= queue.maxWaitSeconds()) {
            services.center().leave(queue.id(), entryId, ContactCenter.Outcome.OVERFLOWED);
            left = true;
            overflow();
            return;
        }
        callbackMenu.second();
        if (left) {
            return; // the callback was confirmed: goodbye
        }
        if (queue.callbackAfterSeconds() > 0 && waitedSeconds >= queue.callbackAfterSeconds() && offer == null
                && !announcing && !callbackMenu.offered()) {
            callbackMenu.offer();
        } else if (queue.announceSeconds() > 0 && waitedSeconds % queue.announceSeconds() == 0
                && !callbackMenu.choosing()) {
            ContactCenter.Joined now = services.center().position(queue.id(), entryId);
            if (now.position() > 0) {
                announce(now.position(), now.estimatedWaitSeconds());
            }
        }
        channel.startTimer(TICK);
    }

    @Override
    public void onDigit(char digit) {
        if (!left && offer == null) {
            callbackMenu.key(digit);
        }
    }

    /** The caller chose to be called back at {@code number}: the place is kept, the caller told goodbye. */
    private void keepPlace(String number) {
        if (left || offer != null || !services.callbacks().keep(queue, entryId, number, callerName)) {
            return; // being put through to an agent meanwhile: no callback needed
        }
        left = true;
        channel.cancelTimer();
        channel.play(List.of(Audio.prompt("queue-callback-saved")), false);
    }

    /**
     * A supervisor moved the caller to another queue (on the call's lane): the music plays on, untouched; from now
     * on that queue's announcements, maximum wait (counted from the move) and overflow apply.
     */
    private void movedTo(QueueEntry entry) {
        services.center().queue(entry.queueId()).ifPresent(q -> {
            queue = q;
            waitedSeconds = 0;
        });
    }

    /** The contact center offers this caller to agents (on the call's lane). */
    private void offered(Offer o) {
        if (left || offer != null) {
            // gone meanwhile (or a stale offer): the agents are free again, nobody missed anything
            services.center().offerEnded(queue.id(), o.entry().id(), 0, ids(o.agents()), Set.of());
            return;
        }
        offer = o;
        channel.offerTo(o.agents().stream().map(AgentState::extension).toList(),
                Duration.ofSeconds(o.ringSeconds()));
    }

    @Override
    public void onOfferAnswered(String extension) {
        Offer o = offer;
        offer = null;
        left = true;
        channel.cancelTimer();
        long agent = o.agents().stream().filter(a -> a.extension().equals(extension)).mapToLong(AgentState::userId)
                .findFirst().orElse(0);
        services.center().offerEnded(queue.id(), entryId, agent, ids(o.agents()), Set.of());
        if (agent != 0) {
            services.calls().answered(channel.callId(), queue.id(), agent, o.entry().joinedAt(),
                    services.clock().instant());
        }
    }

    @Override
    public void onOfferUnanswered(Map<String, Reason> agents, CallChannel ch) {
        Offer o = offer;
        offer = null;
        if (o == null) {
            return;
        }
        Set<Long> missed = o.agents().stream().filter(a -> agents.get(a.extension()) == Reason.NO_ANSWER)
                .map(AgentState::userId).collect(Collectors.toSet());
        services.center().offerEnded(queue.id(), entryId, 0, ids(o.agents()), missed);
    }

    @Override
    public void onHangup() {
        if (left) {
            return;
        }
        left = true;
        offer = null; // leaving ends it: the agents still ringing are freed, and the entry is not offered again
        services.center().leave(queue.id(), entryId, ContactCenter.Outcome.ABANDONED);
    }

    /** Full queue or waited too long: to the overflow target, or goodbye when the queue has none. */
    private void overflow() {
        channel.cancelTimer();
        String target = queue.overflowTarget();
        if (target != null && target.startsWith(QueueServices.VOICEMAIL)) {
            var mailbox = services.mailbox(queue.tenantId(), target.substring(QueueServices.VOICEMAIL.length()));
            if (mailbox.isPresent()) {
                channel.switchTo(mailbox.get());
                return;
            }
        } else if (target != null) {
            channel.transferTo(target);
            return;
        }
        goodbye();
    }

    @Override
    public void onTransferFailed(String extension, Reason reason, CallApplication instead, CallChannel ch) {
        if (instead != null) {
            ch.switchTo(instead); // a menu, another queue, or the overflow user's mailbox
        } else {
            goodbye();
        }
    }

    private void goodbye() {
        channel.play(List.of(Audio.prompt("queue-unavailable")), false);
    }

    private static Set<Long> ids(List<AgentState> agents) {
        return agents.stream().map(AgentState::userId).collect(Collectors.toSet());
    }
}
