package com.crosspoint.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.acd.ContactCenter;
import com.crosspoint.chat.acd.AcdChatDispatch;
import com.crosspoint.chat.acd.AcdChats;
import com.crosspoint.events.ChatEvent;
import com.crosspoint.events.Event;
import com.crosspoint.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatServiceTest {
    private static final long TENANT = 7;
    private static final ChatAgent ALICE = new ChatAgent(101, "1001", "Alice");
    private static final ChatAgent BOB = new ChatAgent(102, "1002", "Bob");
    private static final ChatAgent CAROL = new ChatAgent(103, "1003", "Carol");
    private static final ChatLimits LIMITS = new ChatLimits(20, 1, 3, 2, 5, Duration.ofSeconds(20),
            Duration.ofSeconds(60));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T07:00:00Z"));
    private final MemoryChatStore store = new MemoryChatStore();
    private final List<ChatEvent> events = new ArrayList<>();
    private ChatService chats;

    @BeforeEach
    void setUp() {
        ContactCenter center = AcdChats.center(clock, TENANT, Map.of("support", List.of(ALICE, BOB, CAROL),
                "sales", List.of(CAROL)));
        chats = new ChatService(store, new AcdChatDispatch(center, AcdChats.people(ALICE, BOB, CAROL), 2), LIMITS,
                (Event e) -> events.add((ChatEvent) e), clock);
    }

    private ChatVisitor visitor(String name, String source) {
        return ChatVisitor.of(name, null, "https://shop.example/", source);
    }

    private long open(String name, String source, RecordingLink link) {
        return chats.open(TENANT, "support", visitor(name, source), link).id();
    }

    private List<String> eventsFor(ChatAgent agent) {
        return events.stream().filter(e -> e.agentUserId() == agent.userId())
                .map(e -> e.type() + " " + e.chat().visitor().name()).toList();
    }

    @Test
    void visitorsWaitInOrderAndHearTheirPlaceFirstAfterTheirChat() {
        RecordingLink first = new RecordingLink();
        RecordingLink second = new RecordingLink();

        open("Ann", "192.0.2.1", first);
        open("Ben", "192.0.2.2", second);

        assertThat(first.heard).containsExactly("started waiting", "position 1");
        assertThat(second.heard).containsExactly("started waiting", "position 2");
        assertThat(first.token).isNotBlank().isNotEqualTo(second.token);
    }

    @Test
    void aChatGoesToTheLeastBusyAgentAndLinesFlowBothWaysIntoTheTranscript() {
        chats.presence(TENANT, ALICE, true);
        RecordingLink ann = new RecordingLink();
        long first = open("Ann", "192.0.2.1", ann);
        chats.presence(TENANT, BOB, true);
        long second = open("Ben", "192.0.2.2", new RecordingLink());

        assertThat(eventsFor(ALICE)).containsExactly("chat.offered Ann");
        assertThat(eventsFor(BOB)).containsExactly("chat.offered Ben");

        chats.accept(first, ALICE.userId());
        chats.visitorSays(first, "Where is my order?");
        chats.agentSays(first, ALICE.userId(), "Let me look.");
        chats.agentEnds(first, ALICE.userId());

        assertThat(ann.heard).containsSubsequence("state active", "line 1 system Alice joined the chat",
                "line 2 visitor Where is my order?", "line 3 agent Let me look.", "state ended by agent", "closed");
        assertThat(eventsFor(ALICE)).containsExactly("chat.offered Ann", "chat.accepted Ann", "chat.line Ann",
                "chat.line Ann", "chat.ended Ann");
        ChatSnapshot stored = store.find(TENANT, first).orElseThrow();
        assertThat(stored.state()).isEqualTo(ChatState.ENDED);
        assertThat(stored.endedBy()).isEqualTo(ChatParty.AGENT);
        assertThat(stored.agent()).isEqualTo(ALICE);
        assertThat(stored.lines()).extracting(ChatLine::text)
                .containsExactly("Alice joined the chat", "Where is my order?", "Let me look.");
        assertThat(chats.openChatsOf(BOB.userId())).extracting(ChatSnapshot::id).containsExactly(second);
    }

    @Test
    void anAgentHoldsNoMoreThanItsConcurrency() {
        chats.presence(TENANT, ALICE, true);
        long a = open("Ann", "192.0.2.1", new RecordingLink());
        long b = open("Ben", "192.0.2.2", new RecordingLink());
        RecordingLink third = new RecordingLink();
        open("Cid", "192.0.2.3", third);

        assertThat(eventsFor(ALICE)).containsExactly("chat.offered Ann", "chat.offered Ben");
        assertThat(third.last()).isEqualTo("position 1");

        chats.accept(a, ALICE.userId());
        chats.visitorEnds(a);

        assertThat(eventsFor(ALICE)).endsWith("chat.ended Ann", "chat.offered Cid");
        assertThat(chats.openChatsOf(ALICE.userId())).hasSize(2).extracting(ChatSnapshot::id).contains(b);
    }

    @Test
    void aDeclinedChatKeepsItsPlaceAndIsNeverOfferedToTheDeclinerAgain() {
        chats.presence(TENANT, ALICE, true);
        RecordingLink annLink = new RecordingLink();
        long ann = open("Ann", "192.0.2.1", annLink);
        chats.decline(ann, ALICE.userId());
        RecordingLink cidLink = new RecordingLink();
        chats.open(TENANT, "sales", visitor("Dee", "192.0.2.4"), new RecordingLink());
        open("Cid", "192.0.2.3", cidLink);

        assertThat(eventsFor(ALICE)).containsExactly("chat.offered Ann", "chat.withdrawn Ann", "chat.offered Cid");
        assertThat(annLink.last()).isEqualTo("position 1");

        chats.presence(TENANT, BOB, true);

        assertThat(eventsFor(BOB)).containsExactly("chat.offered Ann");
        assertThat(chats.accept(ann, BOB.userId()).agent()).isEqualTo(BOB);
        assertThatThrownBy(() -> chats.accept(ann, ALICE.userId())).isInstanceOf(ChatRefused.class)
                .hasMessageContaining("not offered to you");
    }

    @Test
    void anOfferLeftUnansweredGoesToTheNextAgentAndTheFirstIsPaused() {
        chats.presence(TENANT, ALICE, true);
        long ann = open("Ann", "192.0.2.1", new RecordingLink());
        chats.presence(TENANT, BOB, true);
        clock.advance(Duration.ofSeconds(19));
        chats.sweep();
        assertThat(eventsFor(BOB)).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        chats.sweep();

        assertThat(eventsFor(ALICE)).containsExactly("chat.offered Ann", "chat.withdrawn Ann");
        assertThat(eventsFor(BOB)).containsExactly("chat.offered Ann");
        assertThat(chats.available(ALICE.userId())).isFalse();
        assertThat(store.find(TENANT, ann).orElseThrow().agent()).isEqualTo(BOB);
    }

    @Test
    void aVisitorWhoReconnectsGetsEveryLineItMissedOnceAndTheOldConnectionIsClosed() {
        chats.presence(TENANT, ALICE, true);
        RecordingLink before = new RecordingLink();
        long ann = open("Ann", "192.0.2.1", before);
        chats.accept(ann, ALICE.userId());
        chats.visitorSays(ann, "one");
        long lastSeen = before.lines.get(before.lines.size() - 1).seq();
        chats.linkLost(ann, before);
        chats.agentSays(ann, ALICE.userId(), "two");
        chats.agentSays(ann, ALICE.userId(), "three");

        RecordingLink after = new RecordingLink();
        chats.resume(before.token, lastSeen, after);

        assertThat(after.lines).extracting(ChatLine::text).containsExactly("two", "three");
        assertThat(after.heard).startsWith("started active").endsWith("state active");
        RecordingLink third = new RecordingLink();
        chats.resume(before.token, 0, third);
        assertThat(after.closed).isTrue();
        assertThat(third.lines).extracting(ChatLine::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThatThrownBy(() -> chats.resume("not-a-token", 0, new RecordingLink()))
                .isInstanceOf(ChatRefused.class).extracting("code").isEqualTo("unknown-chat");
    }

    @Test
    void aVisitorWhoDoesNotComeBackWithinTheGraceIsEndedBySystem() {
        chats.presence(TENANT, ALICE, true);
        RecordingLink link = new RecordingLink();
        long ann = open("Ann", "192.0.2.1", link);
        chats.accept(ann, ALICE.userId());
        chats.linkLost(ann, link);
        clock.advance(Duration.ofSeconds(59));
        chats.sweep();
        assertThat(chats.openChats()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        chats.sweep();

        assertThat(chats.openChats()).isZero();
        assertThat(store.find(TENANT, ann).orElseThrow().endedBy()).isEqualTo(ChatParty.SYSTEM);
        assertThat(eventsFor(ALICE)).endsWith("chat.ended Ann");
    }

    @Test
    void aVisitorMaySendItsBurstThenAtTheRateAndNoLongerMessages() {
        long ann = open("Ann", "192.0.2.1", new RecordingLink());
        for (int i = 0; i < 3; i++) {
            chats.visitorSays(ann, "hello " + i);
        }
        assertThatThrownBy(() -> chats.visitorSays(ann, "too fast")).isInstanceOf(ChatRefused.class)
                .extracting("code").isEqualTo("too-fast");
        clock.advance(Duration.ofSeconds(1));
        chats.visitorSays(ann, "again");
        assertThatThrownBy(() -> chats.visitorSays(ann, "x".repeat(21))).isInstanceOf(InvalidChatInput.class)
                .extracting("field").isEqualTo("text");
        assertThatThrownBy(() -> chats.visitorSays(ann, "   ")).isInstanceOf(InvalidChatInput.class);
        assertThat(store.find(TENANT, ann).orElseThrow().lines()).extracting(ChatLine::text)
                .containsExactly("hello 0", "hello 1", "hello 2", "again");
    }

    @Test
    void chatsPerSourceAndPerTenantAreCappedAndAnEndedChatFreesItsPlace() {
        long first = open("Ann", "192.0.2.1", new RecordingLink());
        open("Ann", "192.0.2.1", new RecordingLink());
        assertThatThrownBy(() -> open("Ann", "192.0.2.1", new RecordingLink())).isInstanceOf(ChatRefused.class)
                .extracting("code").isEqualTo("too-many-chats");
        open("Ben", "192.0.2.2", new RecordingLink());
        open("Cid", "192.0.2.3", new RecordingLink());
        open("Dee", "192.0.2.4", new RecordingLink());
        assertThatThrownBy(() -> open("Eve", "192.0.2.5", new RecordingLink())).isInstanceOf(ChatRefused.class)
                .extracting("code").isEqualTo("busy");

        chats.visitorEnds(first);

        assertThat(open("Ann", "192.0.2.1", new RecordingLink())).isPositive();
        assertThatThrownBy(() -> chats.open(TENANT, "nope", visitor("Fay", "192.0.2.6"), new RecordingLink()))
                .isInstanceOf(ChatRefused.class).extracting("code").isEqualTo("unknown-queue");
        assertThatThrownBy(() -> chats.open(TENANT + 1, "support", visitor("Fay", "192.0.2.6"), new RecordingLink()))
                .isInstanceOf(ChatRefused.class).extracting("code").isEqualTo("unknown-queue");
    }

    @Test
    void onlyTheAnsweringAgentMayWriteOrEndAndTypingReachesTheOtherSide() {
        chats.presence(TENANT, ALICE, true);
        RecordingLink link = new RecordingLink();
        long ann = open("Ann", "192.0.2.1", link);
        assertThatThrownBy(() -> chats.agentSays(ann, ALICE.userId(), "not yet")).isInstanceOf(ChatRefused.class);
        chats.accept(ann, ALICE.userId());
        assertThatThrownBy(() -> chats.agentSays(ann, CAROL.userId(), "hijack")).isInstanceOf(ChatRefused.class)
                .extracting("code").isEqualTo("not-yours");
        assertThatThrownBy(() -> chats.agentEnds(ann, CAROL.userId())).isInstanceOf(ChatRefused.class);

        chats.agentTyping(ann, ALICE.userId());
        chats.visitorTyping(ann);
        chats.visitorTyping(ann);

        assertThat(link.last()).isEqualTo("typing");
        assertThat(eventsFor(ALICE)).filteredOn(e -> e.startsWith("chat.typing")).hasSize(1);
    }
}
