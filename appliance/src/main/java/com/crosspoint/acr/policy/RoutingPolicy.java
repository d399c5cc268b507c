package com.crosspoint.acr.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * How the router ranks carriers: weights of the three score parts, how the quality part is made of ASR, NER, PDD
 * and MOS, hard floors, and how much traffic a window needs before quality counts. Immutable: a new policy is
 * swapped in whole.
 */
public record RoutingPolicy(Weights weights, QualityMix qualityMix, Floors floors, Evidence evidence) {
    /** Price first, quality next, availability as a tie-breaker among healthy carriers. */
    public static final RoutingPolicy DEFAULT = new RoutingPolicy(new Weights(0.5, 0.35, 0.15),
            new QualityMix(0.4, 0.3, 0.1, 0.2), new Floors(0.2, Duration.ofSeconds(8), 3.0),
            new Evidence(20, 10, Duration.ofSeconds(10)));

    public RoutingPolicy {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(qualityMix, "qualityMix");
        Objects.requireNonNull(floors, "floors");
        Objects.requireNonNull(evidence, "evidence");
    }

    /** Weights of the price, quality and availability parts of a carrier's score; not negative, not all 0. */
    public record Weights(double price, double quality, double availability) {
        public Weights {
            requireMix(price, quality, availability);
        }

        double sum() {
            return price + quality + availability;
        }
    }

    /** Weights of the quality part's pieces; a piece without data drops out and the others share its weight. */
    public record QualityMix(double asr, double ner, double pdd, double mos) {
        public QualityMix {
            requireMix(asr, ner, pdd, mos);
        }
    }

    /**
     * Hard floors: a carrier below one is not tried. Each applies only with enough evidence; 0 (Duration.ZERO) turns
     * it off.
     *
     * @param minAsr lowest answer-seizure ratio, 0-1
     * @param maxPdd longest average post-dial delay
     * @param minMos lowest average MOS, 1-5
     */
    public record Floors(double minAsr, Duration maxPdd, double minMos) {
        public Floors {
            Objects.requireNonNull(maxPdd, "maxPdd");
            if (minAsr < 0 || minAsr > 1 || maxPdd.isNegative() || minMos < 0 || minMos > 5) {
                throw new IllegalArgumentException("floors out of range: minAsr " + minAsr + ", maxPdd " + maxPdd
                        + ", minMos " + minMos);
            }
        }
    }

    /**
     * @param minAttempts     attempts in a window before its figures count; fewer gives a neutral quality part and
     *                        no quality floor, so a new carrier is neither punished nor excluded
     * @param minMosSamples   measured calls before MOS counts
     * @param pddForZeroScore the post-dial delay that scores 0 (0 s scores 1, linearly between)
     */
    public record Evidence(int minAttempts, int minMosSamples, Duration pddForZeroScore) {
        public Evidence {
            if (minAttempts < 1 || minMosSamples < 1 || pddForZeroScore.toMillis() < 1) {
                throw new IllegalArgumentException("evidence thresholds must be positive: " + minAttempts + ", "
                        + minMosSamples + ", " + pddForZeroScore);
            }
        }
    }

    private static void requireMix(double... weights) {
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and not negative: " + w);
            }
            sum += w;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("at least one weight must be above 0");
        }
    }
}
