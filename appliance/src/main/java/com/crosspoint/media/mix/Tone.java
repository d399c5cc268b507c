package com.crosspoint.media.mix;

/**
 * One segment of a tone signal: a sine, or a pause when {@code frequencyHz} is 0.
 *
 * @param frequencyHz     0 (pause) or above 0 and below 4000 Hz, the Nyquist limit of telephone audio
 * @param durationMillis  how long it sounds
 * @param levelDbfs       peak level relative to full scale: 0 is full scale, -6 is half
 */
public record Tone(double frequencyHz, int durationMillis, double levelDbfs) {
    private static final double NYQUIST_HZ = 4000;

    public Tone {
        if (!(frequencyHz == 0 || (frequencyHz > 0 && frequencyHz < NYQUIST_HZ))) {
            throw new IllegalArgumentException("frequency must be 0 (pause) or in (0, 4000) Hz: " + frequencyHz);
        }
        if (durationMillis < 1) {
            throw new IllegalArgumentException("duration must be positive: " + durationMillis + " ms");
        }
        if (!(levelDbfs <= 0 && levelDbfs >= -96)) {
            throw new IllegalArgumentException("level must be in [-96, 0] dBFS: " + levelDbfs);
        }
    }

    /** Silence for a while between tones. */
    public static Tone pause(int durationMillis) {
        return new Tone(0, durationMillis, -96);
    }

    /** Peak amplitude in 16-bit sample units. */
    public double amplitude() {
        return frequencyHz == 0 ? 0 : Short.MAX_VALUE * Math.pow(10, levelDbfs / 20);
    }
}
