package com.crosspoint.acd.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.acd.AgentBoard;
import com.crosspoint.acd.AgentPicker;
import com.crosspoint.acd.AgentState;
import com.crosspoint.acd.AgentStatus;
import com.crosspoint.acd.AcdListener;
import com.crosspoint.acd.CallbackPlaces;
import com.crosspoint.acd.ContactCenter;
import com.crosspoint.acd.Member;
import com.crosspoint.acd.QueueCalls;
import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.QueueStats;
import com.crosspoint.acd.Strategy;
import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.call.voice.CallChannel;
import com.crosspoint.call.voice.FakeChannel;
import com.crosspoint.media.play.LoopPlayer;
import com.crosspoint.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueueAppTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T08:00:00Z"));
    private final ContactCenter center = new ContactCenter(clock, new AgentPicker(n -> 0), AcdListener.NONE);
    private final QueueCalls calls = new QueueCalls(center);
    private final CallApplication mailbox = new CallApplication() {
        @Override
        public String label() {
            return "mailbox 1009";
        }

        @Override
        public void start(CallChannel channel) {
        }
    };
    /** The numbers callers asked to be called back at; their places are kept as the appliance keeps them. */
    private final List<String> calledBackAt = new ArrayList<>();
    private final QueueServices.PlaceKeeper callbacks = (q, entryId, number, name) -> {
        calledBackAt.add(number);
        return new CallbackPlaces(center).keepPlace(q.id(), entryId, number, offer -> { }).isPresent();
    };
    private final QueueServices services = new QueueServices(center, calls, () -> new LoopPlayer(new short[160]),
            clock, (tenant, ext) -> "1009".equals(ext) ? Optional.of(mailbox) : Optional.empty(), callbacks);
    private final FakeChannel channel = new FakeChannel();

    private QueueConfig queue(int maxWait, int maxLength, String overflow) {
        QueueConfig q = new QueueConfig(1, 1, "600", "Support", Strategy.LONGEST_IDLE, maxWait, maxLength, overflow,
                30, 15, 3, 0, 20, null, 0, 0, false);
        center.configure(q, List.of(new Member(1, 11, Map.of()), new Member(1, 12, Map.of())));
        return q;
    }

    private void login(long userId) {
        center.agent(new AgentBoard.Login(1, userId, "10" + userId, 0));
        clock.advance(Duration.ofSeconds(1));
    }

    private QueueApp caller(QueueConfig q) {
        QueueApp app = new QueueApp(q, "2001", "Caller", services);
        app.start(channel);
        return app;
    }

    @Test
    void aCallerHearsTheirPositionThenMusic() {
        QueueApp app = caller(queue(0, 0, null));

        assertThat(channel.last()).containsExactly("queue-position", "one", "queue-wait", "two", "queue-minutes");
        app.onPlayed();
        assertThat(channel.audioOut).isInstanceOf(LoopPlayer.class);
        assertThat(center.stats(1).get(0).waiting()).isEqualTo(1);
    }

    @Test
    void theAnnouncementIsRepeatedEveryInterval() {
        QueueApp app = caller(queue(0, 0, null));
        app.onPlayed();
        for (int i = 0; i < 29; i++) {
            app.onTimer();
        }
        assertThat(channel.played).hasSize(1);

        app.onTimer();

        assertThat(channel.played).hasSize(2);
        assertThat(channel.timer).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anAgentWhoDoesNotAnswerIsSkippedAndTheNextOneAnswers() {
        login(11);
        login(12);
        QueueApp app = caller(queue(0, 0, null));
        assertThat(channel.offeredTo).containsExactly("1011");
        assertThat(channel.offerRingsFor).isEqualTo(Duration.ofSeconds(15));

        app.onOfferUnanswered(Map.of("1011", Reason.NO_ANSWER), channel);
        assertThat(channel.offeredTo).containsExactly("1012");
        assertThat(center.agentState(11).orElseThrow().missed()).isEqualTo(1);

        app.onOfferAnswered("1012");
        assertThat(center.agentState(12).orElseThrow().status()).isEqualTo(AgentStatus.ON_CALL);
        assertThat(center.stats(1).get(0).answered()).isEqualTo(1);
        assertThat(calls.size()).isEqualTo(1);
        calls.ended("fake-call", clock.instant().plusSeconds(30));
        assertThat(center.agentState(12).orElseThrow().status()).isEqualTo(AgentStatus.AVAILABLE);
    }

    @Test
    void aCallerHangingUpDuringAnOfferFreesTheAgentAndCountsAsAbandoned() {
        login(11);
        QueueApp app = caller(queue(0, 0, null));

        app.onHangup();

        AgentState agent = center.agentState(11).orElseThrow();
        assertThat(agent.status()).isEqualTo(AgentStatus.AVAILABLE);
        assertThat(agent.missed()).isZero();
        assertThat(center.stats(1).get(0).abandoned()).isEqualTo(1);
        assertThat(center.stats(1).get(0).waiting()).isZero();
    }

    @Test
    void aCallerWaitingTooLongGoesToTheOverflowTarget() {
        QueueApp app = caller(queue(3, 0, "700"));
        app.onTimer();
        app.onTimer();
        assertThat(channel.transferredTo).isNull();

        app.onTimer();

        assertThat(channel.transferredTo).isEqualTo("700");
        assertThat(center.stats(1).get(0).overflowed()).isEqualTo(1);
        assertThat(center.stats(1).get(0).waiting()).isZero();
        app.onTransferFailed("700", Reason.UNAVAILABLE, mailbox, channel);
        assertThat(channel.switchedTo).isSameAs(mailbox);
    }

    @Test
    void aCallerFindingTheQueueFullGoesToTheOverflowMailbox() {
        QueueConfig q = queue(0, 1, "voicemail:1009");
        caller(q);
        FakeChannel second = new FakeChannel();

        new QueueApp(q, "2002", "", services).start(second);

        assertThat(second.switchedTo).isSameAs(mailbox);
    }

    @Test
    void withoutAnOverflowTargetTheCallerIsToldAndHungUp() {
        QueueConfig q = queue(1, 0, null);
        QueueApp app = caller(q);
        app.onTimer();

        assertThat(channel.last()).containsExactly("queue-unavailable");
        app.onPlayed();
        assertThat(channel.hungUp).isTrue();
    }

    /** A caller in a queue that offers a callback after 5 s, listening to the music. */
    private QueueApp waitingForACallbackOffer() {
        QueueConfig q = new QueueConfig(1, 1, "600", "Support", Strategy.LONGEST_IDLE, 0, 0, null, 30, 15, 3, 0, 20,
                null, 0, 5, false);
        center.configure(q, List.of(new Member(1, 11, Map.of())));
        QueueApp app = caller(q);
        app.onPlayed();
        return app;
    }

    private static void seconds(QueueApp app, int n) {
        for (int i = 0; i < n; i++) {
            app.onTimer();
        }
    }

    @Test
    void afterTheCallbackWaitTheCallerIsOfferedACallbackThenMusicAgain() {
        QueueApp app = waitingForACallbackOffer();
        app.onDigit('1'); // before the offer: nothing
        seconds(app, 4);
        assertThat(channel.played).hasSize(1);

        app.onTimer();

        assertThat(channel.last()).containsExactly("queue-callback-offer");
        app.onPlayed();
        assertThat(channel.audioOut).isInstanceOf(LoopPlayer.class);
        seconds(app, 10);
        assertThat(channel.played).as("offered once").hasSize(2);
    }

    @Test
    void oneReadsTheNumberBackAndALoneOneConfirmsItAfterAPause() {
        QueueApp app = waitingForACallbackOffer();
        seconds(app, 5);

        app.onDigit('1');
        assertThat(channel.last()).containsExactly("queue-callback-confirm", "two", "zero", "zero", "one",
                "queue-callback-choose");
        app.onDigit('1');
        seconds(app, 2);
        assertThat(calledBackAt).isEmpty();
        app.onTimer();

        assertThat(calledBackAt).containsExactly("2001");
        assertThat(channel.last()).containsExactly("queue-callback-saved");
        app.onPlayed();
        assertThat(channel.hungUp).isTrue();
        app.onHangup();
        QueueStats stats = center.stats(1).get(0);
        assertThat(stats.abandoned()).as("the caller left, the place did not").isZero();
        assertThat(stats.waiting()).isEqualTo(1);
        assertThat(center.waiting(1)).singleElement().satisfies(e -> assertThat(e.callback()).isTrue());
    }

    @Test
    void anotherNumberTypedAndEndedByPoundIsCalledBackInstead() {
        QueueApp app = waitingForACallbackOffer();
        seconds(app, 5);
        app.onDigit('1');

        for (char c : "99*5551234#".toCharArray()) {
            app.onDigit(c);
        }

        assertThat(calledBackAt).containsExactly("5551234");
        assertThat(center.waiting(1)).singleElement().satisfies(e -> assertThat(e.caller()).isEqualTo("5551234"));
    }

    @Test
    void aSingleDigitOtherThanOneIsNoNumber() {
        QueueApp app = waitingForACallbackOffer();
        seconds(app, 5);
        app.onDigit('1');

        app.onDigit('7');
        app.onDigit('#');

        assertThat(channel.last()).containsExactly("invalid-entry", "queue-callback-choose");
        assertThat(calledBackAt).isEmpty();
        app.onDigit('#'); // nothing typed: the number read back
        assertThat(calledBackAt).containsExactly("2001");
    }

    @Test
    void aCallerSilentWhileChoosingGoesBackToWaitingAndMayChooseAgain() {
        QueueApp app = waitingForACallbackOffer();
        seconds(app, 5);
        app.onDigit('1');
        int said = channel.played.size();

        seconds(app, 30);
        app.onDigit('1');

        assertThat(calledBackAt).isEmpty();
        assertThat(channel.played).hasSize(said + 1);
        assertThat(channel.last()).startsWith("queue-callback-confirm");
    }

    @Test
    void aCallerPutThroughMeanwhileKeepsNoCallback() {
        QueueApp app = waitingForACallbackOffer();
        seconds(app, 5);
        app.onDigit('1');
        login(11); // offered to the agent now

        app.onDigit('1');
        seconds(app, 3);

        assertThat(calledBackAt).isEmpty();
        assertThat(channel.offeredTo).containsExactly("1011");
    }
}
