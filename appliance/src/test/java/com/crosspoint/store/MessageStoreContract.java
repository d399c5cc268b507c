package com.crosspoint.store;

import static com.crosspoint.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.model.InstantMessage;
import com.crosspoint.model.Tenant;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link MessageStore} shows. */
public interface MessageStoreContract {
    Stores stores();

    private MessageStore messages() {
        return stores().messages();
    }

    private InstantMessage save(Tenant tenant, String from, String to, long secondsAfterT0) {
        return messages().save(StoreFixtures.message(tenant, from, to, T0.plusSeconds(secondsAfterT0)));
    }

    @Test
    default void savedMessageGetsAnIdAndKeepsEveryField() {
        Tenant tenant = StoreFixtures.tenant(stores());
        InstantMessage message = new InstantMessage(0, tenant.id(), "100", "200", "text/plain;charset=UTF-8",
                "Grüße ✓ 🙂", T0, null);

        InstantMessage saved = messages().save(message);

        assertThat(saved.id()).isPositive();
        assertThat(saved).isEqualTo(new InstantMessage(saved.id(), tenant.id(), "100", "200",
                "text/plain;charset=UTF-8", "Grüße ✓ 🙂", T0, null));
        assertThat(messages().history(tenant.id(), null, null, 0, 10)).containsExactly(saved);
    }

    @Test
    default void aBodyOf64KilobytesRoundTrips() {
        Tenant tenant = StoreFixtures.tenant(stores());
        String body = "<?xml version=\"1.0\"?>" + "Ωmega\u0000\r\n".repeat(65536 / 8);
        InstantMessage message = new InstantMessage(0, tenant.id(), "100", "200", "application/im-iscomposing+xml",
                body.substring(0, 65536), T0, T0.plusMillis(1));

        InstantMessage saved = messages().save(message);

        assertThat(messages().history(tenant.id(), null, null, 0, 1)).containsExactly(saved);
        assertThat(saved.body()).hasSize(65536);
    }

    @Test
    default void pendingHoldsUndeliveredMessagesOfOneRecipientOldestFirst() {
        Tenant tenant = StoreFixtures.tenant(stores());
        Tenant other = StoreFixtures.tenant(stores());
        InstantMessage second = save(tenant, "100", "200", 20);
        InstantMessage first = save(tenant, "101", "200", 10);
        InstantMessage sameTimeAsSecond = save(tenant, "102", "200", 20);
        save(tenant, "100", "201", 5);
        save(other, "100", "200", 5);
        messages().save(new InstantMessage(0, tenant.id(), "100", "200", "text/plain", "old", T0, T0.plusSeconds(1)));

        assertThat(messages().pendingFor(tenant.id(), "200")).containsExactly(first, second, sameTimeAsSecond);
        assertThat(messages().pendingFor(tenant.id(), "300")).isEmpty();
    }

    @Test
    default void deliveredMessagesLeavePendingAndStayInHistory() {
        Tenant tenant = StoreFixtures.tenant(stores());
        InstantMessage delivered = save(tenant, "100", "200", 1);
        InstantMessage waiting = save(tenant, "100", "200", 2);

        messages().markDelivered(delivered.id(), T0.plusSeconds(30).plusMillis(7));

        assertThat(messages().pendingFor(tenant.id(), "200")).containsExactly(waiting);
        assertThat(messages().history(tenant.id(), "200", null, 0, 10)).containsExactly(waiting,
                new InstantMessage(delivered.id(), tenant.id(), "100", "200", delivered.contentType(),
                        delivered.body(), delivered.createdAt(), T0.plusSeconds(30).plusMillis(7)));
    }

    @Test
    default void markDeliveredOfUnknownMessageFails() {
        assertThatThrownBy(() -> messages().markDelivered(Long.MAX_VALUE, T0))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    default void historyIsNewestFirstAndFiltersByExtensionAndPeer() {
        Tenant tenant = StoreFixtures.tenant(stores());
        InstantMessage annToBob = save(tenant, "ann", "bob", 1);
        InstantMessage bobToAnn = save(tenant, "bob", "ann", 2);
        InstantMessage annToCid = save(tenant, "ann", "cid", 3);
        InstantMessage cidToBob = save(tenant, "cid", "bob", 4);
        save(StoreFixtures.tenant(stores()), "ann", "bob", 5);

        assertThat(messages().history(tenant.id(), null, null, 0, 10))
                .containsExactly(cidToBob, annToCid, bobToAnn, annToBob);
        assertThat(messages().history(tenant.id(), "ann", null, 0, 10)).containsExactly(annToCid, bobToAnn, annToBob);
        assertThat(messages().history(tenant.id(), "ann", "bob", 0, 10)).containsExactly(bobToAnn, annToBob);
        assertThat(messages().history(tenant.id(), "bob", "ann", 0, 10)).containsExactly(bobToAnn, annToBob);
        assertThat(messages().history(tenant.id(), "dan", null, 0, 10)).isEmpty();
    }

    @Test
    default void historyPages() {
        Tenant tenant = StoreFixtures.tenant(stores());
        InstantMessage m1 = save(tenant, "ann", "bob", 1);
        InstantMessage m2 = save(tenant, "ann", "bob", 2);
        InstantMessage m3 = save(tenant, "ann", "bob", 2);
        InstantMessage m4 = save(tenant, "ann", "bob", 3);

        assertThat(messages().history(tenant.id(), "ann", null, 0, 2)).containsExactly(m4, m3);
        assertThat(messages().history(tenant.id(), "ann", null, 2, 2)).containsExactly(m2, m1);
        assertThat(messages().history(tenant.id(), "ann", null, 4, 2)).isEmpty();
        assertThat(messages().history(tenant.id(), "ann", null, 0, 0)).isEmpty();
        assertThatThrownBy(() -> messages().history(tenant.id(), "ann", null, -1, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void aPeerNeedsAnExtension() {
        Tenant tenant = StoreFixtures.tenant(stores());

        assertThatThrownBy(() -> messages().history(tenant.id(), null, "bob", 0, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void markReadMarksOnlyThatPeersUnreadMessagesToMeAndDeliversThem() {
        Tenant tenant = StoreFixtures.tenant(stores());
        InstantMessage waiting = save(tenant, "bob", "ann", 1);
        InstantMessage delivered = save(tenant, "bob", "ann", 2);
        messages().markDelivered(delivered.id(), T0.plusSeconds(3));
        InstantMessage fromCid = save(tenant, "cid", "ann", 4);
        InstantMessage annToBob = save(tenant, "ann", "bob", 5);

        int changed = messages().markRead(tenant.id(), "ann", "bob", T0.plusSeconds(10));
        int again = messages().markRead(tenant.id(), "ann", "bob", T0.plusSeconds(20));

        assertThat(changed).isEqualTo(2);
        assertThat(again).isZero();
        var history = messages().history(tenant.id(), "ann", null, 0, 10);
        assertThat(history).containsExactly(
                annToBob,
                fromCid,
                new InstantMessage(delivered.id(), tenant.id(), "bob", "ann", delivered.contentType(), delivered.body(),
                        delivered.createdAt(), T0.plusSeconds(3), T0.plusSeconds(10)),
                new InstantMessage(waiting.id(), tenant.id(), "bob", "ann", waiting.contentType(), waiting.body(),
                        waiting.createdAt(), T0.plusSeconds(10), T0.plusSeconds(10)));
        assertThat(messages().pendingFor(tenant.id(), "ann")).containsExactly(fromCid);
    }

    @Test
    default void conversationsArePerPeerNewestFirstWithUnreadCountsToMe() {
        Tenant tenant = StoreFixtures.tenant(stores());
        save(tenant, "bob", "ann", 1);
        save(tenant, "bob", "ann", 2);
        InstantMessage lastWithBob = save(tenant, "ann", "bob", 3);
        InstantMessage fromCid = save(tenant, "cid", "ann", 4);
        save(tenant, "cid", "dan", 5);
        save(StoreFixtures.tenant(stores()), "eve", "ann", 6);

        var conversations = messages().conversations(tenant.id(), "ann");

        assertThat(conversations).containsExactly(
                new com.crosspoint.model.Conversation("cid", fromCid, 1),
                new com.crosspoint.model.Conversation("bob", lastWithBob, 2));
        messages().markRead(tenant.id(), "ann", "bob", T0.plusSeconds(9));
        assertThat(messages().conversations(tenant.id(), "ann").get(1).unread()).isZero();
        assertThat(messages().conversations(tenant.id(), "bob")).extracting(c -> c.peer()).containsExactly("ann");
        assertThat(messages().conversations(tenant.id(), "zed")).isEmpty();
    }
}
