package com.crosspoint.acr.policy;

import com.crosspoint.acr.quality.QualityFigures;
import com.crosspoint.acr.rate.MicroUnits;
import com.crosspoint.model.Carrier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Ranks carriers for one call from their {@link CandidateFacts} under a {@link RoutingPolicy}: a pure function,
 * tested without a router. A carrier that fails a hard floor is excluded; the others are scored on price (against
 * the other eligible carriers), quality (from its window; neutral without enough traffic) and availability, and
 * tried best first, cheaper first on a tie.
 */
public final class RoutePlanner {
    private static final double MOS_MIN = 1.0;
    private static final double MOS_RANGE = 3.5; // 1.0 scores 0, 4.5 (the best G.711 gives) scores 1
    /** The neutral quality when no candidate has enough traffic: it then ranks nobody. */
    private static final double UNJUDGED = 0.5;

    private RoutePlanner() {
    }

    public static RouteDecision plan(String number, LocalDate date, List<CandidateFacts> facts,
                                     RoutingPolicy policy) {
        List<CandidateAssessment> eligible = new ArrayList<>();
        List<Double> health = new ArrayList<>();
        List<CandidateAssessment> excluded = new ArrayList<>();
        for (CandidateFacts f : facts) {
            List<FloorCheck> floors = floors(f, date, policy);
            boolean passed = floors.stream().allMatch(FloorCheck::passed);
            CandidateAssessment a = new CandidateAssessment(f.carrier(), f.rate(), f.figures(), f.availability(),
                    ScoreParts.NONE, floors, passed ? 1 : 0);
            if (passed) {
                eligible.add(a);
                health.add(f.health());
            } else {
                excluded.add(a);
            }
        }
        List<CandidateAssessment> scored = score(eligible, health, policy);
        scored.sort(Comparator.comparingDouble((CandidateAssessment a) -> -a.score().total())
                .thenComparingLong(a -> a.rate().ratePerMinuteMicros())
                .thenComparing(a -> a.carrier().name()));
        List<CandidateAssessment> all = new ArrayList<>(facts.size());
        for (int i = 0; i < scored.size(); i++) {
            all.add(scored.get(i).ranked(i + 1));
        }
        excluded.sort(Comparator.comparing(a -> a.carrier().name()));
        all.addAll(excluded);
        return new RouteDecision(number, date, all);
    }

    /** Scores the eligible carriers; {@code health} holds each one's availability part, in the same order. */
    private static List<CandidateAssessment> score(List<CandidateAssessment> eligible, List<Double> health,
                                                   RoutingPolicy policy) {
        long cheapest = Long.MAX_VALUE;
        double measuredSum = 0;
        int measured = 0;
        double[] quality = new double[eligible.size()];
        for (int i = 0; i < eligible.size(); i++) {
            CandidateAssessment a = eligible.get(i);
            cheapest = Math.min(cheapest, a.rate().ratePerMinuteMicros());
            quality[i] = quality(a.figures(), policy);
            if (!Double.isNaN(quality[i])) {
                measuredSum += quality[i];
                measured++;
            }
        }
        double neutral = measured == 0 ? UNJUDGED : measuredSum / measured;
        RoutingPolicy.Weights w = policy.weights();
        List<CandidateAssessment> result = new ArrayList<>(eligible.size());
        for (int i = 0; i < eligible.size(); i++) {
            CandidateAssessment a = eligible.get(i);
            long rate = a.rate().ratePerMinuteMicros();
            // relative to the cheapest: 5 % dearer scores 0.95, twice the price 0.5, whatever the spread
            double price = rate == 0 ? 1.0 : (double) cheapest / rate;
            boolean neutralQuality = Double.isNaN(quality[i]);
            double q = neutralQuality ? neutral : quality[i];
            double availability = health.get(i);
            double total = (w.price() * price + w.quality() * q + w.availability() * availability) / w.sum();
            result.add(a.scored(new ScoreParts(price, q, neutralQuality, availability, total)));
        }
        return result;
    }

    /** The quality part, 0-1, or NaN when the window had too few attempts to judge. */
    static double quality(QualityFigures f, RoutingPolicy policy) {
        RoutingPolicy.Evidence evidence = policy.evidence();
        if (f.attempts() < evidence.minAttempts()) {
            return Double.NaN;
        }
        RoutingPolicy.QualityMix mix = policy.qualityMix();
        double sum = mix.asr() * f.asr() + mix.ner() * f.ner();
        double weights = mix.asr() + mix.ner();
        if (f.pddSamples() > 0) {
            sum += mix.pdd() * Math.max(0, 1 - f.pddMillis() / evidence.pddForZeroScore().toMillis());
            weights += mix.pdd();
        }
        if (f.mosSamples() >= evidence.minMosSamples()) {
            sum += mix.mos() * Math.min(1, Math.max(0, (f.mos() - MOS_MIN) / MOS_RANGE));
            weights += mix.mos();
        }
        return weights == 0 ? Double.NaN : sum / weights;
    }

    private static List<FloorCheck> floors(CandidateFacts f, LocalDate date, RoutingPolicy policy) {
        List<FloorCheck> checks = new ArrayList<>();
        if (f.rate() == null) {
            checks.add(new FloorCheck("rate", false, () -> "no rate for this number on " + date));
            return checks;
        }
        Carrier c = f.carrier();
        checks.add(new FloorCheck("rate", true, () -> f.rate().prefix() + " " + f.rate().destination() + " "
                + MicroUnits.format(f.rate().ratePerMinuteMicros()) + "/min " + f.rate().increment()));
        checks.add(new FloorCheck("in service", c.inService(), () -> c.inService() ? "in service" : "taken out of service"));
        checks.add(availability(f.availability()));
        checks.add(limit("channels", f.channelsInUse(), c.maxChannels(), "in use"));
        checks.add(limit("calls per second", f.callsThisSecond(), c.maxCallsPerSecond(), "this second"));
        checks.addAll(QualityFloors.check(f.figures(), policy));
        return checks;
    }

    private static FloorCheck availability(CandidateFacts.Availability availability) {
        return switch (availability) {
            case CLOSED -> new FloorCheck("availability", true, () -> "breaker closed");
            case TRIAL -> new FloorCheck("availability", true, () -> "breaker half-open: this call is the trial");
            case TRIAL_UNDER_WAY -> new FloorCheck("availability", false,
                    () -> "breaker half-open: another call is the trial");
            case OPEN -> new FloorCheck("availability", false, () -> "breaker open");
        };
    }

    private static FloorCheck limit(String name, int used, int max, String what) {
        if (max == 0) {
            return new FloorCheck(name, true, () -> used + " " + what + ", no limit");
        }
        return new FloorCheck(name, used < max, () -> String.format(Locale.ROOT, "%d/%d %s", used, max, what));
    }
}
