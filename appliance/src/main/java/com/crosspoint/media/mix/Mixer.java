package com.crosspoint.media.mix;

import java.util.Objects;

/**
 * The conference mix of one tick: each participant hears the sum of everyone else, saturated to 16 bits. The full
 * sum is computed once and each participant's own contribution subtracted, so a tick costs O(N) per sample rather
 * than O(N²). The sum array is reused: nothing is allocated per tick.
 *
 * <p>Not thread-safe: one mixer belongs to one conference's media loop.
 */
public final class Mixer {
    /** Above this the int sum could overflow before saturation. */
    private static final int MAX_PARTICIPANTS = 65_535;

    private final int frameSamples;
    private final int maxParticipants;
    private final int[] sum;

    /**
     * @param frameSamples     samples per frame (160 for 20 ms at 8 kHz)
     * @param maxParticipants  the most participants one tick may mix
     */
    public Mixer(int frameSamples, int maxParticipants) {
        if (frameSamples < 1) {
            throw new IllegalArgumentException("frameSamples must be positive: " + frameSamples);
        }
        if (maxParticipants < 1 || maxParticipants > MAX_PARTICIPANTS) {
            throw new IllegalArgumentException("maxParticipants must be in [1, " + MAX_PARTICIPANTS + "]: "
                    + maxParticipants);
        }
        this.frameSamples = frameSamples;
        this.maxParticipants = maxParticipants;
        this.sum = new int[frameSamples];
    }

    /**
     * Mixes participants {@code 0..count-1}.
     *
     * @param inputs   this tick's decoded frame of each participant; null when nothing arrived (silent)
     * @param muted    whether each participant is muted: contributes nothing, still hears the others
     * @param outputs  where each participant's mix goes; each at least {@code frameSamples} long and distinct
     *                 from every input
     * @param count    the number of participants this tick
     */
    public void mix(short[][] inputs, boolean[] muted, short[][] outputs, int count) {
        if (count < 0 || count > maxParticipants) {
            throw new IllegalArgumentException("count must be in [0, " + maxParticipants + "]: " + count);
        }
        Objects.checkFromIndexSize(0, count, inputs.length);
        Objects.checkFromIndexSize(0, count, muted.length);
        Objects.checkFromIndexSize(0, count, outputs.length);
        java.util.Arrays.fill(sum, 0);
        for (int p = 0; p < count; p++) {
            short[] in = inputs[p];
            if (in == null || muted[p]) {
                continue;
            }
            Objects.checkFromIndexSize(0, frameSamples, in.length);
            for (int i = 0; i < frameSamples; i++) {
                sum[i] += in[i];
            }
        }
        for (int p = 0; p < count; p++) {
            short[] out = outputs[p];
            Objects.checkFromIndexSize(0, frameSamples, out.length);
            short[] own = inputs[p] == null || muted[p] ? null : inputs[p];
            if (own == null) {
                for (int i = 0; i < frameSamples; i++) {
                    out[i] = saturate(sum[i]);
                }
            } else {
                for (int i = 0; i < frameSamples; i++) {
                    out[i] = saturate(sum[i] - own[i]);
                }
            }
        }
    }

    /** Samples per frame. */
    public int frameSamples() {
        return frameSamples;
    }

    /** The most participants one tick may mix. */
    public int maxParticipants() {
        return maxParticipants;
    }

    private static short saturate(int value) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
    }
}
