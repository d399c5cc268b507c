package com.crosspoint.acd;

import static com.crosspoint.acd.Agents.T0;
import static com.crosspoint.acd.Agents.member;
import static com.crosspoint.acd.Agents.queue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactCenterTest {
    private final MutableClock clock = new MutableClock(T0);
    private final List<AgentState> reported = new ArrayList<>();
    private final List<Offer> offers = new ArrayList<>();
    private ContactCenter center;

    @BeforeEach
    void setUp() {
        center = new ContactCenter(clock, new AgentPicker(n -> 0), new AcdListener() {
            @Override
            public void agentChanged(AgentState state) {
                reported.add(state);
            }
        });
        center.configure(queue(Strategy.LONGEST_IDLE), List.of(member(1), member(2)));
    }

    private void login(long userId) {
        center.agent(new AgentBoard.Login(1, userId, "100" + userId, 2));
    }

    private long join() {
        return center.join(1, "2001", "Caller", false, offers::add).entryId();
    }

    @Test
    void aCallerIsOfferedToTheAgentIdleLongestWhoIsThenRinging() {
        login(1);
        clock.advance(Duration.ofSeconds(5));
        login(2);
        clock.advance(Duration.ofSeconds(5));

        join();

        assertThat(offers).singleElement().satisfies(o -> {
            assertThat(o.agents()).extracting(AgentState::userId).containsExactly(1L);
            assertThat(o.ringSeconds()).isEqualTo(15);
        });
        assertThat(center.agentState(1)).get().extracting(AgentState::status).isEqualTo(AgentStatus.RINGING);
    }

    @Test
    void aCallerLeavingWhileOfferedFreesTheRingingAgentWithoutAMissAndIsNotOfferedAgain() {
        center.configure(queue(Strategy.LONGEST_IDLE), List.of(member(1)));
        login(1);
        long entry = join();
        assertThat(center.agentState(1).orElseThrow().status()).isEqualTo(AgentStatus.RINGING);

        center.leave(1, entry, ContactCenter.Outcome.ABANDONED);

        AgentState agent = center.agentState(1).orElseThrow();
        assertThat(agent.status()).isEqualTo(AgentStatus.AVAILABLE);
        assertThat(agent.missed()).isZero();
        assertThat(offers).hasSize(1);
        assertThat(center.stats(1).get(0).abandoned()).isEqualTo(1);
    }

    @Test
    void withNoAgentTheCallerWaitsWithPositionAndEstimatedWait() {
        login(1);
        center.agent(new AgentBoard.Pause(1, "lunch"));

        ContactCenter.Joined first = center.join(1, "2001", "", false, offers::add);
        ContactCenter.Joined second = center.join(1, "2002", "", false, offers::add);

        assertThat(offers).isEmpty();
        assertThat(first.position()).isEqualTo(1);
        assertThat(second.position()).isEqualTo(2);
        assertThat(second.estimatedWaitSeconds()).isEqualTo(2 * QueueLine.DEFAULT_HANDLE_SECONDS);
        assertThat(center.stats(1).get(0).waiting()).isEqualTo(2);
    }

    @Test
    void aMissedOfferSkipsTheAgentAndOffersTheNextOneTheCallerKeepingThePlace() {
        login(1);
        clock.advance(Duration.ofSeconds(1));
        login(2);
        long entry = join();

        center.offerEnded(1, entry, 0, Set.of(1L), Set.of(1L));

        assertThat(offers).hasSize(2);
        assertThat(offers.get(1).agents()).extracting(AgentState::userId).containsExactly(2L);
        AgentState skipped = center.agentState(1).orElseThrow();
        assertThat(skipped.status()).isEqualTo(AgentStatus.AVAILABLE);
        assertThat(skipped.missed()).isEqualTo(1);
        assertThat(center.position(1, entry).position()).isEqualTo(1);
    }

    @Test
    void anAgentMissingTheConfiguredNumberOfOffersIsPaused() {
        login(1);
        for (int i = 0; i < 3; i++) {
            long entry = join();
            center.offerEnded(1, entry, 0, Set.of(1L), Set.of(1L));
            center.leave(1, entry, ContactCenter.Outcome.ABANDONED);
        }

        AgentState paused = center.agentState(1).orElseThrow();
        assertThat(paused.status()).isEqualTo(AgentStatus.PAUSED);
        assertThat(paused.pauseReason()).isEqualTo(AgentState.AUTO_PAUSE);
        assertThat(center.stats(1).get(0).abandoned()).isEqualTo(3);
    }

    @Test
    void aBusyRefusalFreesTheAgentWithoutAMiss() {
        login(1);
        long entry = join();

        center.offerEnded(1, entry, 0, Set.of(1L), Set.of());

        assertThat(center.agentState(1).orElseThrow().missed()).isZero();
    }

    @Test
    void answeredCallsCountTowardsServiceLevelAndWrapUpHoldsTheNextCall() {
        center.configure(new QueueConfig(1, 1, "601", "Sales", Strategy.LONGEST_IDLE, 0, 0, null, 0, 15, 3, 10, 20,
                null, 0, 0, false), List.of(member(1)));
        login(1);
        long first = join();
        clock.advance(Duration.ofSeconds(5));
        center.offerEnded(1, first, 1, Set.of(1L), Set.of());
        long second = join();
        assertThat(center.agentState(1).orElseThrow().status()).isEqualTo(AgentStatus.ON_CALL);

        center.callEnded(1, 1, clock.instant().minusSeconds(65), clock.instant().minusSeconds(60), clock.instant(),
                false);
        assertThat(center.agentState(1).orElseThrow().status()).isEqualTo(AgentStatus.WRAP_UP);
        assertThat(offers).hasSize(1);
        clock.advance(Duration.ofSeconds(9));
        center.tick();
        assertThat(offers).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        center.tick();

        assertThat(offers).hasSize(2);
        assertThat(offers.get(1).entry().id()).isEqualTo(second);
        QueueStats stats = center.stats(1).get(0);
        assertThat(stats.answered()).isEqualTo(1);
        assertThat(stats.answeredInTime()).isEqualTo(1);
        assertThat(stats.serviceLevelPercent()).isEqualTo(100.0);
        assertThat(stats.offered()).as("both callers reached the queue").isEqualTo(2);
        assertThat(stats.averageAnswerSeconds()).as("the first waited 5 s").isEqualTo(5.0);
        assertThat(center.agentState(1).orElseThrow().callsAnswered()).isEqualTo(1);
    }

    @Test
    void aFullQueueRefusesTheCallerAsOverflow() {
        center.configure(new QueueConfig(1, 1, "601", "Sales", Strategy.RING_ALL, 0, 1, "1002", 0, 15, 3, 0, 20,
                null, 0, 0, false), List.of(member(1)));
        join();

        ContactCenter.Joined refused = center.join(1, "2002", "", false, offers::add);

        assertThat(refused.accepted()).isFalse();
        assertThat(refused.refusal()).isEqualTo(ContactCenter.Refusal.FULL);
        assertThat(center.stats(1).get(0).overflowed()).isEqualTo(1);
    }

    @Test
    void chatsCountBesideTheCallStateUpToTheAgentsCapacity() {
        login(1);
        center.agent(new AgentBoard.Chat(1, 1));
        center.agent(new AgentBoard.Chat(1, 1));

        assertThat(center.chatAgents(1)).isEmpty();
        assertThatThrownBy(() -> center.agent(new AgentBoard.Chat(1, 1))).isInstanceOf(IllegalStateException.class);
        center.agent(new AgentBoard.Chat(1, -1));
        assertThat(center.chatAgents(1)).extracting(AgentState::userId).containsExactly(1L);
    }

    @Test
    void anAgentOnACallGetsNoChatUnlessTheQueueAllowsIt() {
        login(1);
        long entry = join();
        center.offerEnded(1, entry, 1, Set.of(1L), Set.of());

        assertThat(center.chatAgents(1)).isEmpty();
        center.configure(new QueueConfig(1, 1, "601", "Sales", Strategy.LONGEST_IDLE, 0, 0, null, 0, 15, 3, 0, 20,
                null, 0, 0, true), List.of(member(1)));
        assertThat(center.chatAgents(1)).extracting(AgentState::userId).containsExactly(1L);
    }

    @Test
    void pausingALoggedOutAgentIsRefusedAndStateChangesAreReported() {
        assertThatThrownBy(() -> center.agent(new AgentBoard.Pause(1, "lunch")))
                .isInstanceOf(IllegalStateException.class);
        login(1);
        center.agent(new AgentBoard.Pause(1, "lunch"));
        center.agent(new AgentBoard.Logout(1));

        assertThat(reported).extracting(AgentState::status)
                .containsExactly(AgentStatus.AVAILABLE, AgentStatus.PAUSED, AgentStatus.LOGGED_OUT);
    }

    @Test
    void aRestoredAgentWhoseCallDidNotSurviveIsAvailable() {
        AgentState onCall = Agents.withStatus(1, AgentStatus.ON_CALL);

        AgentState restored = center.agent(new AgentBoard.Restore(onCall));

        assertThat(restored.status()).isEqualTo(AgentStatus.AVAILABLE);
    }
}
