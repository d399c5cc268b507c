package com.crosspoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.acd.AgentSpan;
import com.crosspoint.acd.AgentState;
import com.crosspoint.acd.AgentStatus;
import com.crosspoint.acd.CallbackRequest;
import com.crosspoint.acd.Member;
import com.crosspoint.acd.QueueCallRecord;
import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.Strategy;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link AcdStore} shows. */
public interface AcdStoreContract {
    Stores stores();

    private AcdStore acd() {
        return stores().acd();
    }

    private static QueueConfig queue(Tenant t, String number) {
        return new QueueConfig(0, t.id(), number, "Support " + number, Strategy.SKILLS_BASED, 300, 10, "voicemail:1001",
                30, 15, 3, 10, 20, "billing", 45, 60, true);
    }

    @Test
    default void aQueueIsStoredWithEveryFieldAndItsNumberIsTheTenantsOnce() {
        Tenant t = StoreFixtures.tenant(stores());
        Tenant other = StoreFixtures.tenant(stores());
        QueueConfig saved = acd().createQueue(queue(t, "600"));

        assertThat(saved.id()).isPositive();
        assertThat(acd().queue(saved.id())).contains(saved);
        assertThat(acd().queues()).contains(saved);
        assertThatThrownBy(() -> acd().createQueue(queue(t, "600"))).isInstanceOf(DuplicateKeyException.class)
                .satisfies(e -> assertThat(((DuplicateKeyException) e).field()).isEqualTo("number"));
        assertThat(acd().createQueue(queue(other, "600")).id()).isNotEqualTo(saved.id());
    }

    @Test
    default void aQueueIsChangedAndDeletedWithItsMembersAndCallbacks() {
        Tenant t = StoreFixtures.tenant(stores());
        User agent = StoreFixtures.user(stores(), t);
        QueueConfig saved = acd().createQueue(queue(t, "601"));
        QueueConfig changed = new QueueConfig(saved.id(), t.id(), "602", "Sales", Strategy.RING_ALL, 0, 0, null, 0,
                20, 0, 0, 30, null, 0, 0, false);

        assertThat(acd().updateQueue(changed)).isEqualTo(changed);
        assertThat(acd().queue(saved.id())).contains(changed);
        acd().setMembers(saved.id(), List.of(new Member(saved.id(), agent.id(), Map.of())));
        acd().addCallback(new CallbackRequest(0, t.id(), saved.id(), "2001", "", StoreFixtures.T0, 0));

        assertThat(acd().deleteQueue(saved.id())).isTrue();
        assertThat(acd().queue(saved.id())).isEmpty();
        assertThat(acd().members(saved.id())).isEmpty();
        assertThat(acd().callbacks()).noneMatch(c -> c.queueId() == saved.id());
        assertThat(acd().deleteQueue(saved.id())).isFalse();
        assertThatThrownBy(() -> acd().updateQueue(changed)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    default void membersKeepTheirOrderAndSkillsAndAreReplacedWhole() {
        Tenant t = StoreFixtures.tenant(stores());
        User a = StoreFixtures.user(stores(), t);
        User b = StoreFixtures.user(stores(), t);
        QueueConfig q = acd().createQueue(queue(t, "603"));
        Member second = new Member(q.id(), a.id(), Map.of("billing", 2, "fr", 1));
        Member first = new Member(q.id(), b.id(), Map.of("billing", 1));

        acd().setMembers(q.id(), List.of(first, second));
        assertThat(acd().members(q.id())).containsExactly(first, second);

        acd().setMembers(q.id(), List.of(second));
        assertThat(acd().members(q.id())).containsExactly(second);
    }

    @Test
    default void anAgentsLastingStateIsKeptAndReplaced() {
        Tenant t = StoreFixtures.tenant(stores());
        User u = StoreFixtures.user(stores(), t);
        AgentState paused = new AgentState(t.id(), u.id(), u.extension(), AgentStatus.PAUSED, "lunch", 2,
                StoreFixtures.T0, null, 4, null, 1, 3);

        acd().saveAgent(paused);
        acd().saveAgent(new AgentState(t.id(), u.id(), u.extension(), AgentStatus.PAUSED, "training", 0,
                StoreFixtures.T0, null, 0, null, 0, 2));

        assertThat(acd().agents()).filteredOn(s -> s.userId() == u.id()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(AgentStatus.PAUSED);
            assertThat(s.pauseReason()).isEqualTo("training");
            assertThat(s.chatCapacity()).isEqualTo(2);
            assertThat(s.tenantId()).isEqualTo(t.id());
            assertThat(s.since()).isEqualTo(StoreFixtures.T0);
        });
    }

    @Test
    default void callbacksAreKeptInJoiningOrderWithTheirAttempts() {
        Tenant t = StoreFixtures.tenant(stores());
        QueueConfig q = acd().createQueue(queue(t, "604"));
        CallbackRequest later = acd().addCallback(new CallbackRequest(0, t.id(), q.id(), "2002", "Bo",
                StoreFixtures.T0.plusSeconds(5), 0));
        CallbackRequest earlier = acd().addCallback(new CallbackRequest(0, t.id(), q.id(), "2001", "Al",
                StoreFixtures.T0, 0));

        assertThat(acd().callbackAttempted(earlier.id())).isTrue();

        List<CallbackRequest> kept = acd().callbacks().stream().filter(c -> c.queueId() == q.id()).toList();
        assertThat(kept).extracting(CallbackRequest::id).containsExactly(earlier.id(), later.id());
        assertThat(kept.get(0).attempts()).isEqualTo(1);
        QueueConfig other = acd().createQueue(queue(t, "605"));
        assertThat(acd().callbackMoved(later.id(), other.id())).isTrue();
        assertThat(acd().callbacks()).filteredOn(c -> c.id() == later.id()).singleElement()
                .extracting(CallbackRequest::queueId).isEqualTo(other.id());
        assertThat(acd().deleteCallback(earlier.id())).isTrue();
        assertThat(acd().callbackMoved(earlier.id(), other.id())).isFalse();
        assertThat(acd().callbackAttempted(earlier.id())).isFalse();
    }

    @Test
    default void historyRowsAreReadByTimeRangeAndGoWithTheirQueueAndUser() {
        Tenant t = StoreFixtures.tenant(stores());
        Tenant other = StoreFixtures.tenant(stores());
        User agent = StoreFixtures.user(stores(), t);
        QueueConfig q = acd().createQueue(queue(t, "610"));
        QueueConfig elsewhere = acd().createQueue(queue(other, "610"));
        java.time.Instant t0 = StoreFixtures.T0;
        QueueCallRecord answered = new QueueCallRecord(t.id(), q.id(), t0, QueueCallRecord.Outcome.ANSWERED, 4_000,
                agent.id(), 60_000, 10_000, true);
        QueueCallRecord late = new QueueCallRecord(t.id(), q.id(), t0.plusSeconds(3_600),
                QueueCallRecord.Outcome.ABANDONED, 30_000, 0, 0, 0, false);
        acd().addCallRecord(late);
        acd().addCallRecord(answered);
        acd().addCallRecord(new QueueCallRecord(other.id(), elsewhere.id(), t0, QueueCallRecord.Outcome.OVERFLOWED,
                0, 0, 0, 0, false));
        AgentSpan busy = new AgentSpan(t.id(), agent.id(), AgentStatus.ON_CALL, t0.minusSeconds(60), t0.plusSeconds(60));
        acd().addAgentSpan(busy);
        acd().addAgentSpan(new AgentSpan(t.id(), agent.id(), AgentStatus.AVAILABLE, t0.minusSeconds(600),
                t0.minusSeconds(60)));

        assertThat(acd().callRecords(t.id(), t0, t0.plusSeconds(7_200), 10)).containsExactly(answered, late);
        assertThat(acd().callRecords(t.id(), t0, t0.plusSeconds(3_600), 10)).containsExactly(answered);
        assertThat(acd().callRecords(t.id(), t0, t0.plusSeconds(7_200), 1)).containsExactly(answered);
        assertThat(acd().agentSpans(t.id(), t0, t0.plusSeconds(3_600), 10)).as("overlapping the range")
                .containsExactly(busy);

        acd().deleteQueue(q.id());
        stores().users().delete(agent.id());
        assertThat(acd().callRecords(t.id(), t0, t0.plusSeconds(7_200), 10)).isEmpty();
        assertThat(acd().agentSpans(t.id(), t0.minusSeconds(3_600), t0.plusSeconds(3_600), 10)).isEmpty();
    }
}
