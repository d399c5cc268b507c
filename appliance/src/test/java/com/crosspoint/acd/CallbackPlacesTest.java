package com.crosspoint.acd;

import static com.crosspoint.acd.Agents.T0;
import static com.crosspoint.acd.Agents.member;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The place a callback keeps, its offers and its retries, on a contact center with a fake clock. */
class CallbackPlacesTest {
    private final MutableClock clock = new MutableClock(T0);
    private final CollectingListener heard = new CollectingListener();
    private final List<QueueCallRecord> records = heard.records;
    /** Offers made to the callers still on the line. */
    private final List<Offer> toCallers = new ArrayList<>();
    /** Offers made to callbacks. */
    private final List<Offer> toCallbacks = new ArrayList<>();
    private ContactCenter center;
    private CallbackPlaces places;

    @BeforeEach
    void setUp() {
        center = new ContactCenter(clock, new AgentPicker(n -> 0), heard);
        center.configure(Agents.queue(Strategy.RING_ALL), List.of(member(1), member(2)));
        places = new CallbackPlaces(center);
    }

    private long join(String caller) {
        long id = center.join(1, caller, "", false, toCallers::add).entryId();
        clock.advance(Duration.ofSeconds(10));
        return id;
    }

    private void login(long userId) {
        center.agent(new AgentBoard.Login(1, userId, "100" + userId, 0));
    }

    private List<String> waiting() {
        return center.waiting(1).stream().map(e -> (e.callback() ? "callback " : "") + e.caller()).toList();
    }

    @Test
    void aCallbackKeepsThePlaceAndJoinTimeOfTheCallerAndIsOfferedFirst() {
        long first = join("2001");
        QueueEntry was = center.waiting(1).get(0);
        join("2002");

        QueueEntry kept = places.keepPlace(1, first, "5551234", toCallbacks::add).orElseThrow();

        assertThat(kept.joinedAt()).isEqualTo(was.joinedAt());
        assertThat(kept.id()).isEqualTo(first);
        assertThat(waiting()).containsExactly("callback 5551234", "2002");
        join("2003");
        login(1);
        login(2);
        assertThat(toCallbacks).singleElement().satisfies(o -> {
            assertThat(o.entry().caller()).isEqualTo("5551234");
            assertThat(o.agents()).as("a callback rings one agent, even in a ring-all queue").hasSize(1);
        });
        assertThat(toCallers).singleElement().satisfies(o -> assertThat(o.entry().caller()).isEqualTo("2002"));
        QueueStats stats = center.stats(1).get(0);
        assertThat(stats.callbacks()).isEqualTo(new QueueStats.Callbacks(1, 0, 0, 1));
        assertThat(stats.offered()).as("the callback is the same caller, not a new one").isEqualTo(3);
    }

    @Test
    void aServedCallbackIsCountedAsAnsweredAndServedAndRecordedAsACallback() {
        long first = join("2001");
        places.keepPlace(1, first, "2001", toCallbacks::add);
        login(1);
        Offer offer = toCallbacks.get(0);

        center.offerEnded(1, first, 1, Set.of(1L), Set.of());
        center.callEnded(1, 1, offer.entry().joinedAt(), clock.instant(), clock.instant().plusSeconds(60), true);

        QueueStats stats = center.stats(1).get(0);
        assertThat(stats.answered()).isEqualTo(1);
        assertThat(stats.callbacks()).isEqualTo(new QueueStats.Callbacks(1, 1, 0, 0));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(QueueCallRecord.Outcome.ANSWERED);
            assertThat(r.callback()).isTrue();
            assertThat(r.waitMillis()).isEqualTo(10_000);
        });
    }

    @Test
    void noPlaceIsKeptForAnEntryBeingOfferedOrGone() {
        login(1);
        long offered = join("2001");
        assertThat(places.keepPlace(1, offered, "2001", toCallbacks::add)).isEmpty();
        assertThat(places.keepPlace(1, 999, "2001", toCallbacks::add)).isEmpty();
        assertThat(places.keepPlace(7, offered, "2001", toCallbacks::add)).isEmpty();
        assertThat(center.stats(1).get(0).callbacks().requested()).isZero();
    }

    @Test
    void restoredCallbacksTakeTheirPlacesByJoinTime() {
        join("2001"); // joined at T0
        join("2002"); // T0 + 10 s

        places.restore(1, "5550001", "", T0.plusSeconds(5), toCallbacks::add);
        places.restore(1, "5550000", "", T0.minusSeconds(30), toCallbacks::add);
        places.restore(1, "5550002", "", T0.plusSeconds(60), toCallbacks::add);

        assertThat(waiting()).containsExactly("callback 5550000", "2001", "callback 5550001", "2002",
                "callback 5550002");
        assertThat(places.restore(9, "5550003", "", T0, toCallbacks::add)).as("the queue is gone").isEmpty();
    }

    @Test
    void aFailedTryKeepsThePlaceLetsThoseBehindGoFirstAndIsOfferedAgainAfterThePause() {
        center.configure(Agents.queue(Strategy.LONGEST_IDLE), List.of(member(1)));
        long first = join("2001");
        places.keepPlace(1, first, "2001", toCallbacks::add);
        join("2002");
        login(1);
        assertThat(toCallbacks).hasSize(1);

        places.attemptFailed(1, first, 1, clock.instant().plusSeconds(30));

        assertThat(center.agentState(1).orElseThrow().missed()).as("the agent answered: no miss").isZero();
        assertThat(waiting()).as("the callback keeps its place").containsExactly("callback 2001", "2002");
        assertThat(toCallers).as("the agent, free again, gets the caller behind").singleElement()
                .satisfies(o -> assertThat(o.entry().caller()).isEqualTo("2002"));
        center.offerEnded(1, toCallers.get(0).entry().id(), 1, Set.of(1L), Set.of());
        center.callEnded(1, 1, Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(29));
        center.tick();
        assertThat(toCallbacks).as("not before the retry pause").hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        center.tick();

        assertThat(toCallbacks).hasSize(2);
    }

    @Test
    void theLastFailedTryDropsTheCallbackCountsAndRecordsIt() {
        long first = join("2001");
        places.keepPlace(1, first, "2001", toCallbacks::add);
        login(1);

        assertThat(places.attemptFailed(1, first, 1, null)).isTrue();

        assertThat(center.waiting(1)).isEmpty();
        assertThat(center.agentState(1).orElseThrow().status()).isEqualTo(AgentStatus.AVAILABLE);
        assertThat(center.stats(1).get(0).callbacks()).isEqualTo(new QueueStats.Callbacks(1, 0, 1, 0));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(QueueCallRecord.Outcome.CALLBACK_FAILED);
            assertThat(r.callback()).isTrue();
        });
        assertThat(places.attemptFailed(1, first, 1, null)).as("already gone").isFalse();
    }
}
