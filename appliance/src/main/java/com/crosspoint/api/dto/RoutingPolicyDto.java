package com.crosspoint.api.dto;

import com.crosspoint.acr.policy.RoutingPolicy;
import com.crosspoint.provisioning.ValidationException;
import java.time.Duration;

/**
 * {@code /api/v1/router/policy}: how the call router ranks carriers. A PUT states every field (a 400 names the first
 * one missing or out of range); {@code source} says on a GET whether the policy was set over the API or comes from the
 * configuration, and is ignored on a PUT.
 */
public record RoutingPolicyDto(Weights weights, QualityMix qualityMix, Floors floors, Evidence evidence,
                               String source) {
    private static final double MAX_WEIGHT = 1000;

    /** Relative weights of a carrier's score parts, 0..1000, not all 0. */
    public record Weights(Double price, Double quality, Double availability) {
    }

    /** Relative weights of the quality part's pieces, 0..1000, not all 0. */
    public record QualityMix(Double asr, Double ner, Double pdd, Double mos) {
    }

    /** Hard floors, each 0 for none: ASR in percent (0..100), PDD in ms (0..600000), MOS (0..5). */
    public record Floors(Double minAsrPercent, Long maxPddMillis, Double minMos) {
    }

    /** Traffic a window needs before its figures count, and the post-dial delay that scores 0 (1..600000 ms). */
    public record Evidence(Integer minAttempts, Integer minMosSamples, Long pddForZeroScoreMillis) {
    }

    public static RoutingPolicyDto of(RoutingPolicy p, boolean setOverApi) {
        RoutingPolicy.Weights w = p.weights();
        RoutingPolicy.QualityMix q = p.qualityMix();
        RoutingPolicy.Floors f = p.floors();
        RoutingPolicy.Evidence e = p.evidence();
        return new RoutingPolicyDto(new Weights(w.price(), w.quality(), w.availability()),
                new QualityMix(q.asr(), q.ner(), q.pdd(), q.mos()),
                new Floors(Math.round(f.minAsr() * 100_000) / 1000.0, f.maxPdd().toMillis(), f.minMos()),
                new Evidence(e.minAttempts(), e.minMosSamples(), e.pddForZeroScore().toMillis()),
                setOverApi ? "api" : "configuration");
    }

    /** The policy this states; a {@link ValidationException} names the first bad field. */
    public RoutingPolicy toPolicy() {
        Weights w = required("weights", weights);
        QualityMix q = required("qualityMix", qualityMix);
        Floors f = required("floors", floors);
        Evidence e = required("evidence", evidence);
        double price = ranged("weights.price", w.price(), MAX_WEIGHT);
        double quality = ranged("weights.quality", w.quality(), MAX_WEIGHT);
        double availability = ranged("weights.availability", w.availability(), MAX_WEIGHT);
        if (price + quality + availability <= 0) {
            throw new ValidationException("weights", "must not all be 0");
        }
        double asr = ranged("qualityMix.asr", q.asr(), MAX_WEIGHT);
        double ner = ranged("qualityMix.ner", q.ner(), MAX_WEIGHT);
        double pdd = ranged("qualityMix.pdd", q.pdd(), MAX_WEIGHT);
        double mos = ranged("qualityMix.mos", q.mos(), MAX_WEIGHT);
        if (asr + ner + pdd + mos <= 0) {
            throw new ValidationException("qualityMix", "must not all be 0");
        }
        return new RoutingPolicy(new RoutingPolicy.Weights(price, quality, availability),
                new RoutingPolicy.QualityMix(asr, ner, pdd, mos),
                new RoutingPolicy.Floors(ranged("floors.minAsrPercent", f.minAsrPercent(), 100) / 100,
                        Duration.ofMillis(ranged("floors.maxPddMillis", f.maxPddMillis(), 0, 600_000)),
                        ranged("floors.minMos", f.minMos(), 5)),
                new RoutingPolicy.Evidence((int) ranged("evidence.minAttempts", toLong(e.minAttempts()), 1, 1_000_000),
                        (int) ranged("evidence.minMosSamples", toLong(e.minMosSamples()), 1, 1_000_000),
                        Duration.ofMillis(ranged("evidence.pddForZeroScoreMillis", e.pddForZeroScoreMillis(), 1,
                                600_000))));
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        return value;
    }

    private static double ranged(String field, Double value, double max) {
        required(field, value);
        if (!(value >= 0 && value <= max)) {
            throw new ValidationException(field, "must be from 0 to " + (long) max);
        }
        return value;
    }

    private static long ranged(String field, Long value, long min, long max) {
        required(field, value);
        if (value < min || value > max) {
            throw new ValidationException(field, "must be from " + min + " to " + max);
        }
        return value;
    }

    private static Long toLong(Integer value) {
        return value == null ? null : value.longValue();
    }
}
