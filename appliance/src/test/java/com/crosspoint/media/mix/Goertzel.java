package com.crosspoint.media.mix;

/** Test helper: the power of one frequency in a block of samples (Goertzel algorithm). */
final class Goertzel {
    private Goertzel() {
    }

    /** Normalised so a full-block sine of amplitude A at an exact bin gives A². */
    static double power(short[] samples, int from, int length, double frequencyHz, int sampleRate) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequencyHz / sampleRate);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < from + length; i++) {
            double s0 = samples[i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double raw = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        return raw * 4 / ((double) length * length);
    }

    static double power(short[] samples, double frequencyHz) {
        return power(samples, 0, samples.length, frequencyHz, 8000);
    }
}
