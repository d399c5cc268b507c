package com.crosspoint.acr.policy;

import java.util.function.Supplier;

/**
 * One hard condition a carrier was held to for a call. The detail is written only when read (for
 * {@code routes/explain}, a log), so that routing a call formats no text.
 *
 * @param floor what was checked: rate, in service, availability, channels, calls per second, ASR, PDD, MOS
 */
public record FloorCheck(String floor, boolean passed, Supplier<String> explanation) {
    /** The figures compared, such as "ASR 0.18 < 0.20 over 57 attempts". */
    public String detail() {
        return explanation.get();
    }

    @Override
    public String toString() {
        return floor + (passed ? " passed: " : " failed: ") + detail();
    }
}
