package com.crosspoint.store;

import static com.crosspoint.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.chat.ChatAgent;
import com.crosspoint.chat.ChatLine;
import com.crosspoint.chat.ChatParty;
import com.crosspoint.chat.ChatSnapshot;
import com.crosspoint.chat.ChatState;
import com.crosspoint.chat.ChatVisitor;
import com.crosspoint.model.Tenant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link ChatStore} shows. */
public interface ChatStoreContract {
    Stores stores();

    private ChatStore chats() {
        return stores().chats();
    }

    private static ChatSnapshot waiting(Tenant tenant, String name, long secondsAfterT0) {
        return new ChatSnapshot(0, tenant.id(), "support", new ChatVisitor(name, "v@example.com",
                "https://shop.example.com/cart", "192.0.2.7"), ChatState.WAITING, null, T0.plusSeconds(secondsAfterT0),
                null, null, null, List.of());
    }

    private static ChatSnapshot with(ChatSnapshot c, long id, ChatState state, ChatAgent agent, long answeredAfter,
                                     Long endedAfter, ChatParty endedBy, List<ChatLine> lines) {
        return new ChatSnapshot(id, c.tenantId(), c.queue(), c.visitor(), state, agent, c.createdAt(),
                answeredAfter < 0 ? null : T0.plusSeconds(answeredAfter),
                endedAfter == null ? null : T0.plusSeconds(endedAfter), endedBy, lines);
    }

    @Test
    default void aChatAndItsTranscriptRoundTripWithEveryField() {
        Tenant tenant = StoreFixtures.tenant(stores());
        ChatSnapshot fresh = waiting(tenant, "<script>alert(1)</script> Zoë", 0);
        long id = chats().create(fresh);
        ChatAgent agent = new ChatAgent(77, "1001", "Alice Agent");
        List<ChatLine> lines = List.of(
                new ChatLine(1, ChatParty.VISITOR, fresh.visitor().name(), "Hallo? ✓ 🙂", T0.plusSeconds(1)),
                new ChatLine(2, ChatParty.SYSTEM, null, "Alice Agent joined the chat", T0.plusSeconds(5)),
                new ChatLine(3, ChatParty.AGENT, "Alice Agent", "Hi!\nHow can I help?", T0.plusSeconds(6)));
        lines.forEach(l -> chats().addLine(id, l));
        ChatSnapshot ended = with(fresh, id, ChatState.ENDED, agent, 5, 60L, ChatParty.AGENT, lines);
        chats().update(ended);

        assertThat(id).isPositive();
        assertThat(chats().find(tenant.id(), id)).contains(ended);
        assertThat(chats().find(tenant.id() + 100_000, id)).isEmpty();
    }

    @Test
    default void listingIsNewestFirstWithoutLinesAndFiltersByAgent() {
        Tenant tenant = StoreFixtures.tenant(stores());
        ChatAgent alice = new ChatAgent(501, "1001", "Alice");
        long first = chats().create(waiting(tenant, "First", 10));
        long second = chats().create(waiting(tenant, "Second", 20));
        long third = chats().create(waiting(tenant, "Third", 30));
        chats().addLine(first, new ChatLine(1, ChatParty.VISITOR, "First", "hello", T0.plusSeconds(11)));
        chats().update(with(waiting(tenant, "First", 10), first, ChatState.ACTIVE, alice, 12, null, null, List.of()));
        chats().update(with(waiting(tenant, "Third", 30), third, ChatState.ENDED, alice, 31, 40L, ChatParty.VISITOR,
                List.of()));

        assertThat(chats().list(tenant.id(), null, 0, 10)).extracting(ChatSnapshot::id).containsExactly(third, second,
                first);
        assertThat(chats().list(tenant.id(), null, 0, 10)).allSatisfy(c -> assertThat(c.lines()).isEmpty());
        assertThat(chats().list(tenant.id(), alice.userId(), 0, 10)).extracting(ChatSnapshot::id)
                .containsExactly(third, first);
        assertThat(chats().list(tenant.id(), null, 1, 1)).extracting(ChatSnapshot::id).containsExactly(second);
        assertThat(chats().count(tenant.id(), null)).isEqualTo(3);
        assertThat(chats().count(tenant.id(), alice.userId())).isEqualTo(2);
    }

    @Test
    default void createdBetweenGivesTheTenantsChatsOfTheRangeOldestFirst() {
        Tenant tenant = StoreFixtures.tenant(stores());
        long before = chats().create(waiting(tenant, "Before", 0));
        long first = chats().create(waiting(tenant, "First", 10));
        long second = chats().create(waiting(tenant, "Second", 20));
        chats().create(waiting(tenant, "AtTheEnd", 30));
        chats().addLine(first, new ChatLine(1, ChatParty.VISITOR, "First", "hello", T0.plusSeconds(11)));

        assertThat(chats().createdBetween(tenant.id(), T0.plusSeconds(10), T0.plusSeconds(30), 10))
                .extracting(ChatSnapshot::id).containsExactly(first, second);
        assertThat(chats().createdBetween(tenant.id(), T0, T0.plusSeconds(30), 10))
                .allSatisfy(c -> assertThat(c.lines()).isEmpty()).first().extracting(ChatSnapshot::id)
                .isEqualTo(before);
        assertThat(chats().createdBetween(tenant.id(), T0, T0.plusSeconds(60), 2)).hasSize(2);
        assertThat(chats().createdBetween(tenant.id(), T0, T0.plusSeconds(60), 0)).isEmpty();
        assertThat(chats().createdBetween(tenant.id() + 100_000, T0, T0.plusSeconds(60), 10)).isEmpty();
    }

    @Test
    default void retentionDeletesChatsEndedBeforeTheCutoffWithTheirLines() {
        Tenant tenant = StoreFixtures.tenant(stores());
        long old = chats().create(waiting(tenant, "Old", 0));
        chats().addLine(old, new ChatLine(1, ChatParty.VISITOR, "Old", "bye", T0.plusSeconds(1)));
        chats().update(with(waiting(tenant, "Old", 0), old, ChatState.ENDED, null, -1, 10L, ChatParty.VISITOR,
                List.of()));
        long recent = chats().create(waiting(tenant, "Recent", 0));
        chats().update(with(waiting(tenant, "Recent", 0), recent, ChatState.ENDED, null, -1, 100L, ChatParty.SYSTEM,
                List.of()));
        long open = chats().create(waiting(tenant, "Open", 0));

        int deleted = chats().deleteEndedBefore(T0.plusSeconds(50));

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(chats().find(tenant.id(), old)).isEmpty();
        assertThat(chats().find(tenant.id(), recent)).isPresent();
        assertThat(chats().find(tenant.id(), open)).isPresent();
    }

    @Test
    default void chatsLeftOpenByAStopAreEndedBySystem() {
        Tenant tenant = StoreFixtures.tenant(stores());
        long open = chats().create(waiting(tenant, "Open", 0));

        assertThat(chats().endOpen(T0.plusSeconds(90))).isGreaterThanOrEqualTo(1);

        ChatSnapshot after = chats().find(tenant.id(), open).orElseThrow();
        assertThat(after.state()).isEqualTo(ChatState.ENDED);
        assertThat(after.endedBy()).isEqualTo(ChatParty.SYSTEM);
        assertThat(after.endedAt()).isEqualTo(T0.plusSeconds(90));
    }

    @Test
    default void deletingTheTenantDeletesItsChats() {
        Tenant tenant = StoreFixtures.tenant(stores());
        long id = chats().create(waiting(tenant, "Gone", 0));
        chats().addLine(id, new ChatLine(1, ChatParty.VISITOR, "Gone", "hi", T0));

        stores().tenants().delete(tenant.id());

        assertThat(chats().find(tenant.id(), id)).isEmpty();
        assertThat(chats().count(tenant.id(), null)).isZero();
    }
}
