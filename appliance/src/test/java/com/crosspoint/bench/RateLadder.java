package com.crosspoint.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Finds the highest rate at which a step passes: from {@code start} it doubles while steps pass (up to
 * {@code max}), then bisects between the last pass and the first failure until the gap is within
 * {@code resolution} of the rate or {@code refinements} steps are spent. Every step runs after the peer's
 * cooldown, so one step's leftovers do not weigh on the next.
 */
final class RateLadder {
    private final int start;
    private final int max;
    private final int refinements;
    private final double resolution;
    private final Duration cooldown;

    RateLadder(int start, int max, int refinements, double resolution, Duration cooldown) {
        if (start < 1 || max < start) {
            throw new IllegalArgumentException("need 1 <= start <= max: " + start + ", " + max);
        }
        this.start = start;
        this.max = max;
        this.refinements = refinements;
        this.resolution = resolution;
        this.cooldown = cooldown;
    }

    /** All steps in the order run, and the best passing one. */
    record Outcome(List<StepResult> steps, Optional<StepResult> best) {
    }

    Outcome climb(IntFunction<StepResult> step) {
        List<StepResult> steps = new ArrayList<>();
        int passed = 0;
        int failed = 0;
        for (int rate = start; ; rate = Math.min(max, rate * 2)) {
            StepResult r = run(step, rate, steps);
            if (!r.passed()) {
                failed = rate;
                break;
            }
            passed = rate;
            if (rate == max) {
                break;
            }
        }
        for (int i = 0; i < refinements && failed > 0 && failed - passed > resolution * failed; i++) {
            int rate = round((passed + failed) / 2);
            if (rate <= passed || rate >= failed) {
                break;
            }
            if (run(step, rate, steps).passed()) {
                passed = rate;
            } else {
                failed = rate;
            }
        }
        int best = passed;
        return new Outcome(steps, steps.stream().filter(s -> s.passed() && s.rate() == best).findFirst());
    }

    private StepResult run(IntFunction<StepResult> step, int rate, List<StepResult> steps) {
        if (!steps.isEmpty()) {
            Pause.of(cooldown);
        }
        StepResult r = step.apply(rate);
        steps.add(r);
        System.out.println("  " + BenchReport.stepLine(r));
        return r;
    }

    /** Rates to two significant figures (1234 -> 1200), which is all a 20 s step can tell apart. */
    private static int round(int rate) {
        if (rate < 100) {
            return rate;
        }
        int unit = (int) Math.pow(10, (int) Math.log10(rate) - 1);
        return rate / unit * unit;
    }
}
