package com.crosspoint.media.engine;

/** Test helper: power of one frequency in 8 kHz samples (normalised so a sine of amplitude A gives A²). */
final class Goertzel {
    private Goertzel() {
    }

    static double power(short[] samples, int from, int length, double frequencyHz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequencyHz / 8000);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < from + length; i++) {
            double s0 = samples[i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return (s1 * s1 + s2 * s2 - coefficient * s1 * s2) * 4 / ((double) length * length);
    }

    static short[] tone(double frequencyHz, int millis, double amplitude) {
        short[] s = new short[millis * 8];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequencyHz * i / 8000));
        }
        return s;
    }
}
