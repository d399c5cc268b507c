package com.crosspoint.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.events.EventBus;
import com.crosspoint.model.Binding;
import com.crosspoint.registrar.RegisterRequest.ContactSpec;
import com.crosspoint.store.BindingStore;
import com.crosspoint.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RFC 3261 §10.3 rules of the registrar, with a moving clock and an in-memory store. */
class RegistrarTest {
    private static final String AOR = "sip:1001@t.example";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final MemoryBindings store = new MemoryBindings();
    private final BindingJournal journal = new BindingJournal(store);
    private final EventBus events = new EventBus(100);
    private final Registrar registrar = new Registrar(journal, events, new RegistrarPolicy(60, 3600, 600, 3), clock);

    @AfterEach
    void close() {
        journal.close();
        events.close();
    }

    @Test
    void addsRefreshesAndRemovesBindingsAndCommitsThem() {
        accepted(register("c1", 1, List.of(new ContactSpec("sip:a@192.0.2.1", null)), null, false));
        accepted(register("c1", 2, List.of(new ContactSpec("sip:b@192.0.2.2", 120L)), null, false));
        assertThat(registrar.lookup(AOR)).extracting(Binding::contact).containsExactlyInAnyOrder("sip:a@192.0.2.1", "sip:b@192.0.2.2");
        assertThat(store.rows()).hasSize(2);

        accepted(register("c1", 3, List.of(new ContactSpec("sip:a@192.0.2.1", 0L)), null, false));
        assertThat(registrar.lookup(AOR)).extracting(Binding::contact).containsExactly("sip:b@192.0.2.2");
        assertThat(store.rows()).hasSize(1);
    }

    @Test
    void grantsTheDefaultAndCapsAtTheMaximum() {
        accepted(register("c1", 1, List.of(new ContactSpec("sip:a@192.0.2.1", null)), null, false));
        accepted(register("c2", 1, List.of(new ContactSpec("sip:b@192.0.2.2", 999_999L)), null, false));
        Instant now = clock.instant();
        assertThat(registrar.lookup(AOR)).extracting(b -> Duration.between(now, b.expiresAt()).toSeconds())
                .containsExactlyInAnyOrder(600L, 3600L);
    }

    @Test
    void tooShortExpiryGets423WithTheMinimum() {
        RegisterOutcome o = register("c1", 1, List.of(new ContactSpec("sip:a@192.0.2.1", 30L)), null, false);
        assertThat(o).isEqualTo(new RegisterOutcome.IntervalTooBrief(60));
    }

    @Test
    void wildcardNeedsExpiresZeroAndRemovesAll() {
        accepted(register("c1", 1, List.of(new ContactSpec("sip:a@192.0.2.1", null)), null, false));
        assertThat(register("c9", 1, List.of(), 60L, true)).isInstanceOf(RegisterOutcome.Invalid.class);
        accepted(register("c9", 1, List.of(), 0L, true));
        assertThat(registrar.lookup(AOR)).isEmpty();
    }

    @Test
    void olderRequestOfTheSameCallIdIsRefused() {
        accepted(register("c1", 5, List.of(new ContactSpec("sip:a@192.0.2.1", null)), null, false));
        assertThat(register("c1", 4, List.of(new ContactSpec("sip:a@192.0.2.1", null)), null, false))
                .isInstanceOf(RegisterOutcome.OutOfOrder.class);
    }

    @Test
    void expiredBindingsDisappearAndAreSweptFromTheStore() {
        accepted(register("c1", 1, List.of(new ContactSpec("sip:a@192.0.2.1", 60L)), null, false));
        clock.advance(Duration.ofSeconds(61));
        assertThat(registrar.lookup(AOR)).isEmpty();
        assertThat(registrar.sweepExpired()).isEqualTo(1);
        journal.write(List.of(), List.of()).join(); // the removal queued before this one is committed
        assertThat(store.rows()).isEmpty();
    }

    @Test
    void aRegisterListingMoreContactsThanTheLimitIsRefusedAndChangesNothing() {
        accepted(register("c1", 1, List.of(new ContactSpec("sip:a@192.0.2.1", null)), null, false));
        List<ContactSpec> many = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> new ContactSpec("sip:m" + i + "@192.0.2.9", null)).toList();
        assertThat(register("c2", 1, many, null, false)).isEqualTo(new RegisterOutcome.TooManyContacts(3));
        assertThat(registrar.lookup(AOR)).extracting(Binding::contact).containsExactly("sip:a@192.0.2.1");
    }

    @Test
    void beyondTheLimitTheLeastRecentlyRefreshedBindingsMakeWay() {
        for (String c : List.of("a", "b", "c")) {
            accepted(register("c-" + c, 1, List.of(new ContactSpec("sip:" + c + "@192.0.2.1", null)), null, false));
            clock.advance(Duration.ofSeconds(1));
        }
        accepted(register("c-a", 2, List.of(new ContactSpec("sip:a@192.0.2.1", null)), null, false)); // a is fresh again
        clock.advance(Duration.ofSeconds(1));
        accepted(register("c-d", 1, List.of(new ContactSpec("sip:d@192.0.2.1", null)), null, false));

        assertThat(registrar.lookup(AOR)).extracting(Binding::contact)
                .containsExactlyInAnyOrder("sip:a@192.0.2.1", "sip:c@192.0.2.1", "sip:d@192.0.2.1");
        assertThat(store.rows()).extracting(Binding::contact)
                .containsExactlyInAnyOrder("sip:a@192.0.2.1", "sip:c@192.0.2.1", "sip:d@192.0.2.1");
    }

    @Test
    void aChangeTheStoreRefusesIsTakenBackFromMemory() {
        accepted(register("c1", 1, List.of(new ContactSpec("sip:a@192.0.2.1", null)), null, false));
        Binding stored = registrar.lookup(AOR).get(0);
        store.refuseNext();
        RegisterOutcome refused = register("c1", 2, List.of(new ContactSpec("sip:a@192.0.2.1", null),
                new ContactSpec("sip:b@192.0.2.2", null)), null, false);

        assertThat(((RegisterOutcome.Accepted) refused).committed()).failsWithin(Duration.ofSeconds(5));
        // Memory holds what the store holds: the refresh of a and the new b are gone, a as it was stored is back.
        assertThat(registrar.lookup(AOR)).containsExactly(stored);
        assertThat(store.rows()).containsExactly(stored);
    }

    private RegisterOutcome register(String callId, long cseq, List<ContactSpec> contacts, Long expires, boolean wildcard) {
        return registrar.register(new RegisterRequest(1, 1, 1, AOR, contacts, wildcard, expires, callId, cseq, "UDP",
                "192.0.2.1:5060", "test"));
    }

    private static void accepted(RegisterOutcome o) {
        assertThat(o).isInstanceOf(RegisterOutcome.Accepted.class);
        ((RegisterOutcome.Accepted) o).committed().join();
    }

    /** The store contract's in-memory stand-in: enough for the registrar's write-through. */
    private static final class MemoryBindings implements BindingStore {
        private final List<Binding> rows = new ArrayList<>();
        private boolean refuseNext;

        /** The next commit fails, as one with a value too long for its column does. */
        synchronized void refuseNext() {
            refuseNext = true;
        }

        @Override
        public synchronized void apply(Collection<Binding> upserts, Collection<BindingKey> removals) {
            if (refuseNext) {
                refuseNext = false;
                throw new com.crosspoint.store.StoreException("value too long for its column", null);
            }
            for (Binding b : upserts) {
                rows.removeIf(r -> r.aor().equals(b.aor()) && r.contact().equals(b.contact()));
                rows.add(b);
            }
            for (BindingKey k : removals) {
                rows.removeIf(r -> r.aor().equals(k.aor()) && r.contact().equals(k.contact()));
            }
        }

        @Override
        public synchronized List<Binding> listAll() {
            return List.copyOf(rows);
        }

        synchronized List<Binding> rows() {
            return List.copyOf(rows);
        }
    }
}
