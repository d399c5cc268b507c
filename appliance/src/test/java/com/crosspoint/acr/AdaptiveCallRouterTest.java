package com.crosspoint.acr;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.acr.availability.BreakerSettings;
import com.crosspoint.acr.availability.BreakerState;
import com.crosspoint.acr.availability.CarrierAvailability;
import com.crosspoint.acr.policy.CandidateAssessment;
import com.crosspoint.acr.policy.CandidateFacts;
import com.crosspoint.acr.policy.RouteDecision;
import com.crosspoint.acr.policy.RouteTarget;
import com.crosspoint.acr.policy.RoutingPolicy;
import com.crosspoint.acr.quality.CarrierQuality;
import com.crosspoint.acr.quality.WindowSettings;
import com.crosspoint.acr.rate.DeckErrors;
import com.crosspoint.acr.rate.PrefixRateTable;
import com.crosspoint.acr.rate.PrefixRateTableBuilder;
import com.crosspoint.model.BillingIncrement;
import com.crosspoint.model.Carrier;
import com.crosspoint.model.CarrierTransport;
import com.crosspoint.model.RateRow;
import com.crosspoint.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AdaptiveCallRouterTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String LONDON = "+442071234567";

    private final MutableClock clock = new MutableClock(T0);
    private final AdaptiveCallRouter router = new AdaptiveCallRouter(
            new CarrierQuality(new WindowSettings(Duration.ofMinutes(1), 5), 4, clock),
            new CarrierAvailability(new BreakerSettings(3, Duration.ofSeconds(30), Duration.ofSeconds(10)), clock),
            clock);

    private static Carrier carrier(long id, String name, int maxChannels) {
        return new Carrier(id, name, "192.0.2." + id, 5060, CarrierTransport.UDP, null, "", maxChannels, 0, true);
    }

    private static PrefixRateTable deck(long micros, String... prefixes) {
        PrefixRateTableBuilder builder = new PrefixRateTableBuilder();
        int row = 2;
        for (String prefix : prefixes) {
            builder.add(row++, new RateRow(prefix, "d" + prefix, micros, BillingIncrement.PER_MINUTE,
                    LocalDate.of(2026, 1, 1), null));
        }
        return builder.build(new DeckErrors(10)).orElseThrow();
    }

    private List<String> order(String number) {
        List<String> names = new ArrayList<>();
        for (RouteTarget t : router.route(number, clock.instant()).carriersToTry()) {
            names.add(t.carrier().name());
        }
        return names;
    }

    private void calls(long carrierId, int n, int code) {
        for (int i = 0; i < n; i++) {
            CallAttempt attempt = router.attempts().start(carrierId, LONDON, clock.instant()).orElseThrow();
            attempt.provisional(clock.instant().plusMillis(800));
            if (code == 200) {
                attempt.answered(clock.instant().plusSeconds(3));
                attempt.ended(200, clock.instant().plusSeconds(63), 4.1);
            } else {
                attempt.ended(code, clock.instant().plusSeconds(2));
            }
        }
    }

    private void threeCarriers() {
        router.replaceCarriers(List.of(carrier(1, "cheap", 0), carrier(2, "mid", 0), carrier(3, "dear", 0)));
        router.replaceTables(Map.of(1L, deck(8_000, "44"), 2L, deck(10_000, "4420"), 3L, deck(15_000, "4")));
    }

    @Test
    void theCheapestHealthyCarrierComesFirst() {
        threeCarriers();

        assertThat(order(LONDON)).containsExactly("cheap", "mid", "dear");
        assertThat(order("4930123")).containsExactly("dear");
        assertThat(order("not a number")).isEmpty();
        assertThat(order("1234567890123456")).isEmpty();
    }

    @Test
    void aCarrierWhoseAsrFallsBelowItsFloorLosesItsTrafficAndRegainsItWhenTheWindowForgets() {
        threeCarriers();
        calls(1, 25, 480);   // no answer: effective for NER, but ASR 0
        calls(2, 25, 200);

        assertThat(order(LONDON)).containsExactly("mid", "dear");
        CandidateAssessment cheap = router.explain(LONDON, clock.instant()).candidates().stream()
                .filter(a -> a.carrier().name().equals("cheap")).findFirst().orElseThrow();
        assertThat(cheap.floors()).filteredOn(f -> !f.passed()).extracting(f -> f.floor()).containsExactly("ASR");

        clock.advance(Duration.ofMinutes(6)); // the window no longer holds those calls
        assertThat(order(LONDON)).containsExactly("cheap", "mid", "dear");
    }

    @Test
    void failuresOpenTheBreakerAndAHalfOpenTrialGoesToOneCallOnly() {
        threeCarriers();
        calls(1, 3, 503);

        assertThat(router.probes().of(1).state()).isEqualTo(BreakerState.OPEN);
        assertThat(order(LONDON)).containsExactly("mid", "dear");

        clock.advance(Duration.ofSeconds(30));
        assertThat(router.explain(LONDON, clock.instant()).candidates().get(0).availability())
                .isEqualTo(CandidateFacts.Availability.TRIAL);
        assertThat(router.explain(LONDON, clock.instant()).carriersToTry()).hasSize(3); // explaining claims nothing
        assertThat(order(LONDON)).contains("cheap");                                    // this call is the trial
        assertThat(order(LONDON)).doesNotContain("cheap");                              // the next is not

        calls(1, 1, 200);
        assertThat(router.probes().of(1).state()).isEqualTo(BreakerState.CLOSED);
        assertThat(order(LONDON)).containsExactly("cheap", "mid", "dear");
    }

    @Test
    void aFailedProbeTakesACarrierOutUntilItRecovers() {
        threeCarriers();
        router.probes().probeFailed(1);

        assertThat(order(LONDON)).containsExactly("mid", "dear");
        clock.advance(Duration.ofSeconds(30));
        router.probes().probeSucceeded(1);
        assertThat(order(LONDON)).containsExactly("cheap", "mid", "dear");
    }

    @Test
    void aFullCarrierIsSkippedAndAnAttemptBeyondItsChannelsIsRefused() {
        router.replaceCarriers(List.of(carrier(1, "small", 1), carrier(2, "big", 0)));
        router.replaceTables(Map.of(1L, deck(1_000, "44"), 2L, deck(2_000, "44")));

        CallAttempt first = router.attempts().start(1, LONDON, clock.instant()).orElseThrow();
        assertThat(router.attempts().start(1, LONDON, clock.instant())).isEmpty();
        assertThat(router.channelsInUse(1)).isEqualTo(1);
        assertThat(order(LONDON)).containsExactly("big");

        first.ended(487, clock.instant());
        first.ended(487, clock.instant()); // a second end changes nothing
        assertThat(router.channelsInUse(1)).isZero();
        assertThat(order(LONDON)).containsExactly("small", "big");
    }

    @Test
    void takingACarrierOutOfServiceStopsItsTraffic() {
        threeCarriers();
        router.putCarrier(carrier(1, "cheap", 0).withInService(false));

        assertThat(order(LONDON)).containsExactly("mid", "dear");
        router.putCarrier(carrier(1, "cheap", 0));
        assertThat(order(LONDON)).containsExactly("cheap", "mid", "dear");
        router.removeCarrier(1);
        assertThat(order(LONDON)).containsExactly("mid", "dear");
    }

    @Test
    void anExplanationListsEveryCarrierWithItsParts() {
        threeCarriers();
        RouteDecision decision = router.explain("4930123", clock.instant());

        assertThat(decision.number()).isEqualTo("4930123");
        assertThat(decision.date()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(decision.candidates()).extracting(a -> a.carrier().name() + " " + a.rank())
                .containsExactly("dear 1", "cheap 0", "mid 0");
        CandidateAssessment dear = decision.candidates().get(0);
        assertThat(dear.rate().prefix()).isEqualTo("4");
        assertThat(dear.score().total()).isPositive();
    }

    @Test
    void aNewPolicyTakesEffectForTheNextCall() {
        threeCarriers();
        calls(1, 25, 480);
        assertThat(order(LONDON)).doesNotContain("cheap");

        router.replacePolicy(new RoutingPolicy(RoutingPolicy.DEFAULT.weights(), RoutingPolicy.DEFAULT.qualityMix(),
                new RoutingPolicy.Floors(0, Duration.ZERO, 0), RoutingPolicy.DEFAULT.evidence()));

        assertThat(order(LONDON)).contains("cheap");
    }

    /**
     * Decks swapped while four threads route: every decision sees one deck of each carrier whole. Deck version v
     * has every prefix at rate v and the prefix "44" + (v % 10) at rate v + 1_000_000, so a half-built or mixed
     * table would show a rate of another version or miss the longer prefix.
     */
    @Test
    void swappingDecksWhileRoutingNeverShowsHalfADeck() throws InterruptedException {
        router.replaceCarriers(List.of(carrier(1, "one", 0)));
        router.replace(1, versionedDeck(1));
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        List<Thread> routers = new ArrayList<>();
        long[] routed = new long[4];
        for (int t = 0; t < 4; t++) {
            int me = t;
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    RouteDecision d = router.route("4412345", clock.instant());
                    if (d.carriersToTry().size() != 1) {
                        wrong.add("no route");
                        continue;
                    }
                    long rate = d.carriersToTry().get(0).rate().ratePerMinuteMicros();
                    String prefix = d.carriersToTry().get(0).rate().prefix();
                    boolean deep = prefix.length() == 3;
                    long version = deep ? rate - 1_000_000 : rate;
                    boolean shouldBeDeep = version % 10 == 1; // the number's third digit is 1
                    if (deep != shouldBeDeep || !prefix.equals(deep ? "441" : "44")) {
                        wrong.add(prefix + " at " + rate);
                    }
                    routed[me]++;
                }
            });
            routers.add(thread);
            thread.start();
        }
        for (int v = 2; v < 400; v++) {
            router.replace(1, versionedDeck(v));
        }
        stop.set(true);
        for (Thread thread : routers) {
            thread.join();
        }

        assertThat(wrong).isEmpty();
        assertThat(java.util.Arrays.stream(routed).min().orElseThrow()).isPositive();
    }

    private static PrefixRateTable versionedDeck(int version) {
        PrefixRateTableBuilder builder = new PrefixRateTableBuilder();
        builder.add(2, new RateRow("44", "uk", version, BillingIncrement.PER_MINUTE, LocalDate.of(2026, 1, 1), null));
        builder.add(3, new RateRow("44" + (version % 10), "uk", version + 1_000_000, BillingIncrement.PER_MINUTE,
                LocalDate.of(2026, 1, 1), null));
        for (int i = 0; i < 200; i++) {
            builder.add(4 + i, new RateRow("45" + i, "dk", version, BillingIncrement.PER_MINUTE,
                    LocalDate.of(2026, 1, 1), null));
        }
        return builder.build(new DeckErrors(10)).orElseThrow();
    }
}
