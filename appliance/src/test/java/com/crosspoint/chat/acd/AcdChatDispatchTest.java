package com.crosspoint.chat.acd;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.acd.AgentStatus;
import com.crosspoint.acd.ContactCenter;
import com.crosspoint.acd.Member;
import com.crosspoint.acd.Offer;
import com.crosspoint.chat.ChatAgent;
import com.crosspoint.chat.QueuedChat;
import com.crosspoint.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Chats dispatched by the contact center's one agent state: calls, pauses and chat capacity together. */
class AcdChatDispatchTest {
    private static final long TENANT = 7;
    private static final long QUEUE = 1;
    private static final ChatAgent ALICE = new ChatAgent(101, "1001", "Alice");
    private static final ChatAgent BOB = new ChatAgent(102, "1002", "Bob");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T07:00:00Z"));
    private final ContactCenter center = AcdChats.center(clock, TENANT, Map.of("support", List.of(ALICE, BOB)));
    private final AcdChatDispatch dispatch = new AcdChatDispatch(center, AcdChats.people(ALICE, BOB), 3);
    private final List<String> offers = new ArrayList<>();

    AcdChatDispatchTest() {
        dispatch.start((chatId, agent) -> offers.add(chatId + "->" + agent.name()));
    }

    private void chatWaits(long chatId) {
        dispatch.waiting(new QueuedChat(chatId, TENANT, "support", clock.instant()));
    }

    /** A caller joins the queue and {@code agent} answers: the agent is on a queue call. */
    private void onQueueCall(ChatAgent agent) {
        List<Offer> rung = new ArrayList<>();
        ContactCenter.Joined joined = center.join(QUEUE, "+15550100", "Caller", false, rung::add);
        assertThat(rung).singleElement().satisfies(o -> assertThat(o.agents()).extracting(a -> a.userId())
                .containsExactly(agent.userId()));
        center.offerEnded(QUEUE, joined.entryId(), agent.userId(), Set.of(agent.userId()), Set.of());
        assertThat(center.agentState(agent.userId()).orElseThrow().status()).isEqualTo(AgentStatus.ON_CALL);
    }

    @Test
    void aChatOnlyAgentGetsUpToItsCapacityAndTheNextChatWaitsFirstInLine() {
        dispatch.presence(TENANT, ALICE, true);
        for (long chat = 1; chat <= 4; chat++) {
            chatWaits(chat);
        }

        assertThat(offers).containsExactly("1->Alice", "2->Alice", "3->Alice");
        assertThat(center.agentState(ALICE.userId()).orElseThrow().chats()).isEqualTo(3);
        assertThat(dispatch.position(4)).isEqualTo(1);

        dispatch.finished(2, ALICE);

        assertThat(offers).endsWith("4->Alice");
        assertThat(dispatch.position(4)).isZero();
    }

    @Test
    void anAgentOnAQueueCallIsOfferedNoChatUntilTheCallEndsWhenTheQueueSaysSo() {
        dispatch.presence(TENANT, ALICE, true);
        onQueueCall(ALICE);

        chatWaits(1);
        assertThat(offers).isEmpty();
        assertThat(dispatch.position(1)).isEqualTo(1);

        center.callEnded(QUEUE, ALICE.userId(), clock.instant(), clock.instant(), clock.instant().plusSeconds(30), false);
        dispatch.agentChanged(center.agentState(ALICE.userId()).orElseThrow()); // what the event bus delivers

        assertThat(offers).containsExactly("1->Alice");
    }

    @Test
    void aQueueThatAllowsChatsDuringCallsOffersThemToAnAgentOnACall() {
        center.configure(AcdChats.queue(QUEUE, TENANT, "500", "support", true),
                List.of(new Member(QUEUE, ALICE.userId(), Map.of())));
        dispatch.presence(TENANT, ALICE, true);
        onQueueCall(ALICE);

        chatWaits(1);

        assertThat(offers).containsExactly("1->Alice");
    }

    @Test
    void chatsGoToTheAgentWithFewestAndALoggedOutAgentsEndedChatFreesItsPlace() {
        dispatch.presence(TENANT, ALICE, true);
        chatWaits(1);
        dispatch.presence(TENANT, BOB, true);
        chatWaits(2);
        chatWaits(3);
        assertThat(offers).containsExactly("1->Alice", "2->Bob", "3->Alice");

        dispatch.presence(TENANT, ALICE, false);
        assertThat(dispatch.available(ALICE.userId())).isFalse();
        dispatch.finished(1, ALICE);
        dispatch.finished(3, ALICE);
        dispatch.presence(TENANT, ALICE, true);

        assertThat(center.agentState(ALICE.userId()).orElseThrow().chats()).isZero();
        assertThat(dispatch.available(ALICE.userId())).isTrue();
    }

    @Test
    void aChatForAQueueOfAnotherTenantOrNoQueueIsRefused() {
        assertThat(dispatch.hasQueue(TENANT, "support")).isTrue();
        assertThat(dispatch.hasQueue(TENANT, "SUPPORT")).isTrue();
        assertThat(dispatch.hasQueue(TENANT, "500")).isTrue();
        assertThat(dispatch.hasQueue(TENANT + 1, "support")).isFalse();
        assertThat(dispatch.hasQueue(TENANT, "sales")).isFalse();
        assertThat(dispatch.queuesOf(TENANT, "1001")).containsExactly("500");
    }
}
