package com.crosspoint.acr.policy;

import com.crosspoint.acr.quality.QualityFigures;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** The quality floors of a policy against a window; a floor is only applied with enough evidence. */
final class QualityFloors {
    private QualityFloors() {
    }

    static List<FloorCheck> check(QualityFigures f, RoutingPolicy policy) {
        RoutingPolicy.Floors floors = policy.floors();
        RoutingPolicy.Evidence evidence = policy.evidence();
        if (f.attempts() < evidence.minAttempts()) {
            Supplier<String> unjudged = () -> "not judged: " + f.attempts() + " attempts < " + evidence.minAttempts();
            return List.of(new FloorCheck("ASR", true, unjudged), new FloorCheck("PDD", true, unjudged),
                    new FloorCheck("MOS", true, unjudged));
        }
        return List.of(asr(f, floors), pdd(f, floors), mos(f, evidence, floors));
    }

    private static FloorCheck asr(QualityFigures f, RoutingPolicy.Floors floors) {
        if (floors.minAsr() == 0) {
            return new FloorCheck("ASR", true, () -> format("ASR %.2f, no floor", f.asr()));
        }
        boolean ok = f.asr() >= floors.minAsr();
        return new FloorCheck("ASR", ok, () -> format("ASR %.2f %s %.2f over %d attempts", f.asr(), ok ? ">=" : "<",
                floors.minAsr(), f.attempts()));
    }

    private static FloorCheck pdd(QualityFigures f, RoutingPolicy.Floors floors) {
        long max = floors.maxPdd().toMillis();
        if (max == 0 || f.pddSamples() == 0) {
            return new FloorCheck("PDD", true, () -> f.pddSamples() == 0 ? "no post-dial delay measured"
                    : format("PDD %.0f ms, no floor", f.pddMillis()));
        }
        boolean ok = f.pddMillis() <= max;
        return new FloorCheck("PDD", ok, () -> format("PDD %.0f ms %s %d ms", f.pddMillis(), ok ? "<=" : ">", max));
    }

    private static FloorCheck mos(QualityFigures f, RoutingPolicy.Evidence evidence, RoutingPolicy.Floors floors) {
        if (f.mosSamples() < evidence.minMosSamples()) {
            return new FloorCheck("MOS", true, () -> "not judged: " + f.mosSamples() + " measured calls < "
                    + evidence.minMosSamples());
        }
        if (floors.minMos() == 0) {
            return new FloorCheck("MOS", true, () -> format("MOS %.2f, no floor", f.mos()));
        }
        boolean ok = f.mos() >= floors.minMos();
        return new FloorCheck("MOS", ok, () -> format("MOS %.2f %s %.2f", f.mos(), ok ? ">=" : "<", floors.minMos()));
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
