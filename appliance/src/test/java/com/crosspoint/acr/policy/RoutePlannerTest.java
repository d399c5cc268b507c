package com.crosspoint.acr.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.crosspoint.acr.policy.CandidateFacts.Availability;
import com.crosspoint.acr.quality.QualityFigures;
import com.crosspoint.acr.rate.RateMatch;
import com.crosspoint.model.BillingIncrement;
import com.crosspoint.model.Carrier;
import com.crosspoint.model.CarrierTransport;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutePlannerTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final String NUMBER = "442071234567";

    private static Carrier carrier(long id, String name) {
        return new Carrier(id, name, "192.0.2." + id, 5060, CarrierTransport.UDP, null, "", 10, 5, true);
    }

    private static RateMatch rate(long micros) {
        return new RateMatch("4420", "London", micros, BillingIncrement.PER_SECOND, DAY.minusDays(30), null);
    }

    private static QualityFigures figures(long attempts, double asr, double pddMillis, double mos, long mosSamples) {
        return new QualityFigures(attempts, Math.round(attempts * asr), asr, Math.min(1, asr + 0.3), 90, pddMillis,
                attempts, mos, mosSamples);
    }

    private static CandidateFacts facts(Carrier c, long micros, QualityFigures figures) {
        return new CandidateFacts(c, rate(micros), figures, Availability.CLOSED, 1.0, 0, 0);
    }

    private static RouteDecision plan(CandidateFacts... facts) {
        return RoutePlanner.plan(NUMBER, DAY, List.of(facts), RoutingPolicy.DEFAULT);
    }

    private static List<String> order(RouteDecision decision) {
        List<String> names = new ArrayList<>();
        decision.carriersToTry().forEach(t -> names.add(t.carrier().name()));
        return names;
    }

    private static FloorCheck floor(CandidateAssessment a, String name) {
        return a.floors().stream().filter(f -> f.floor().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void withoutTrafficTheCheapestCarrierWinsAndQualityIsNeutral() {
        RouteDecision d = plan(facts(carrier(1, "dear"), 20_000, QualityFigures.NONE),
                facts(carrier(2, "cheap"), 8_000, QualityFigures.NONE),
                facts(carrier(3, "middle"), 14_000, QualityFigures.NONE));

        assertThat(order(d)).containsExactly("cheap", "middle", "dear");
        CandidateAssessment first = d.candidates().get(0);
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.score().price()).isEqualTo(1.0);
        assertThat(first.score().qualityNeutral()).isTrue();
        assertThat(d.candidates().get(1).score().price()).isCloseTo(8.0 / 14, within(1e-9));
        assertThat(d.candidates().get(2).score().price()).isCloseTo(0.4, within(1e-9));
        assertThat(floor(first, "ASR").detail()).isEqualTo("not judged: 0 attempts < 20");
        assertThat(floor(first, "rate").detail()).isEqualTo("4420 London 0.008/min 1/1");
    }

    @Test
    void aCarrierBelowTheAsrFloorIsExcludedWithItsReason() {
        RouteDecision d = plan(facts(carrier(1, "cheap-bad"), 8_000, figures(50, 0.1, 2_000, Double.NaN, 0)),
                facts(carrier(2, "dear-good"), 12_000, figures(50, 0.6, 2_000, Double.NaN, 0)));

        assertThat(order(d)).containsExactly("dear-good");
        CandidateAssessment bad = d.candidates().get(1);
        assertThat(bad.excluded()).isTrue();
        assertThat(bad.score()).isEqualTo(ScoreParts.NONE);
        assertThat(floor(bad, "ASR").passed()).isFalse();
        assertThat(floor(bad, "ASR").detail()).isEqualTo("ASR 0.10 < 0.20 over 50 attempts");
    }

    @Test
    void tooFewAttemptsNeitherExcludeNorPunishANewCarrier() {
        RouteDecision d = plan(facts(carrier(1, "new"), 10_000, figures(5, 0.0, 9_000, 1.5, 5)),
                facts(carrier(2, "known"), 10_000, figures(100, 0.5, 2_000, Double.NaN, 0)));

        assertThat(order(d)).containsExactlyInAnyOrder("new", "known");
        CandidateAssessment fresh = d.candidates().stream().filter(a -> a.carrier().name().equals("new"))
                .findFirst().orElseThrow();
        CandidateAssessment known = d.candidates().stream().filter(a -> a.carrier().name().equals("known"))
                .findFirst().orElseThrow();
        assertThat(fresh.score().qualityNeutral()).isTrue();
        assertThat(fresh.score().quality()).isEqualTo(known.score().quality());
        assertThat(fresh.floors()).allMatch(FloorCheck::passed);
    }

    @Test
    void pddAndMosFloors() {
        RouteDecision d = plan(facts(carrier(1, "slow"), 8_000, figures(40, 0.5, 9_000, Double.NaN, 0)),
                facts(carrier(2, "garbled"), 8_000, figures(40, 0.5, 1_000, 2.4, 30)),
                facts(carrier(3, "few-mos"), 8_000, figures(40, 0.5, 1_000, 2.4, 3)));

        assertThat(order(d)).containsExactly("few-mos");
        CandidateAssessment garbled = d.candidates().stream().filter(a -> a.carrier().name().equals("garbled"))
                .findFirst().orElseThrow();
        assertThat(floor(garbled, "MOS").detail()).isEqualTo("MOS 2.40 < 3.00");
        CandidateAssessment slow = d.candidates().stream().filter(a -> a.carrier().name().equals("slow"))
                .findFirst().orElseThrow();
        assertThat(floor(slow, "PDD").detail()).isEqualTo("PDD 9000 ms > 8000 ms");
    }

    @Test
    void betterQualityCanBeatALittleCheaper() {
        RouteDecision d = plan(facts(carrier(1, "cheap"), 10_000, figures(100, 0.25, 6_000, 3.2, 50)),
                facts(carrier(2, "better"), 10_500, figures(100, 0.65, 1_500, 4.3, 50)));

        assertThat(order(d)).containsExactly("better", "cheap");
        CandidateAssessment better = d.candidates().get(0);
        assertThat(better.score().total()).isGreaterThan(d.candidates().get(1).score().total());
        assertThat(better.score().qualityNeutral()).isFalse();
    }

    @Test
    void hardConditionsExclude() {
        Carrier out = carrier(1, "out").withInService(false);
        Carrier full = new Carrier(2, "full", "192.0.2.2", 5060, CarrierTransport.UDP, null, "", 2, 0, true);
        Carrier busy = new Carrier(3, "busy", "192.0.2.3", 5060, CarrierTransport.UDP, null, "", 0, 3, true);
        RouteDecision d = plan(facts(out, 1_000, QualityFigures.NONE),
                new CandidateFacts(full, rate(1_000), QualityFigures.NONE, Availability.CLOSED, 1, 2, 0),
                new CandidateFacts(busy, rate(1_000), QualityFigures.NONE, Availability.CLOSED, 1, 0, 3),
                new CandidateFacts(carrier(4, "open"), rate(1_000), QualityFigures.NONE, Availability.OPEN, 0, 0, 0),
                new CandidateFacts(carrier(5, "trial-taken"), rate(1_000), QualityFigures.NONE,
                        Availability.TRIAL_UNDER_WAY, 0, 0, 0),
                new CandidateFacts(carrier(6, "unrated"), null, QualityFigures.NONE, Availability.CLOSED, 0, 0, 0),
                new CandidateFacts(carrier(7, "trial"), rate(9_000), QualityFigures.NONE, Availability.TRIAL, 0.5, 0,
                        0));

        assertThat(order(d)).containsExactly("trial");
        assertThat(d.candidates()).extracting(a -> a.carrier().name())
                .containsExactly("trial", "busy", "full", "open", "out", "trial-taken", "unrated");
        assertThat(d.candidates().stream().filter(CandidateAssessment::excluded)
                .map(a -> a.floors().stream().filter(f -> !f.passed()).findFirst().orElseThrow().toString()))
                .containsExactly("calls per second failed: 3/3 this second", "channels failed: 2/2 in use",
                        "availability failed: breaker open", "in service failed: taken out of service",
                        "availability failed: breaker half-open: another call is the trial",
                        "rate failed: no rate for this number on 2026-03-01");
    }

    @Test
    void equalScoresGoCheaperFirstThenByName() {
        RoutingPolicy qualityOnly = new RoutingPolicy(new RoutingPolicy.Weights(0, 1, 0),
                RoutingPolicy.DEFAULT.qualityMix(), RoutingPolicy.DEFAULT.floors(), RoutingPolicy.DEFAULT.evidence());
        RouteDecision d = RoutePlanner.plan(NUMBER, DAY, List.of(facts(carrier(1, "b"), 9_000, QualityFigures.NONE),
                facts(carrier(2, "a"), 9_000, QualityFigures.NONE), facts(carrier(3, "c"), 5_000,
                        QualityFigures.NONE)), qualityOnly);

        assertThat(order(d)).containsExactly("c", "a", "b");
    }

    @Test
    void theDialStringCarriesTheTechPrefix() {
        Carrier prefixed = new Carrier(1, "p", "192.0.2.1", 5060, CarrierTransport.UDP, null, "#77", 0, 0, true);

        assertThat(plan(facts(prefixed, 1, QualityFigures.NONE)).carriersToTry().get(0).dialString())
                .isEqualTo("#77" + NUMBER);
    }

    @Test
    void qualityMixesThePartsThatHaveData() {
        RoutingPolicy policy = RoutingPolicy.DEFAULT;
        QualityFigures noMos = new QualityFigures(100, 50, 0.5, 0.8, 60, 5_000, 100, Double.NaN, 0);
        // (0.4 * 0.5 + 0.3 * 0.8 + 0.1 * 0.5) / 0.8
        assertThat(RoutePlanner.quality(noMos, policy)).isCloseTo(0.6125, within(1e-9));
        assertThat(RoutePlanner.quality(QualityFigures.NONE, policy)).isNaN();
    }

    @Test
    void policiesRefuseNonsense() {
        assertThatThrownBy(() -> new RoutingPolicy.Weights(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoutingPolicy.Weights(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoutingPolicy.Floors(1.5, Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoutingPolicy.Evidence(0, 1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
