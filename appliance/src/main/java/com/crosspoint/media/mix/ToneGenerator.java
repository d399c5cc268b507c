package com.crosspoint.media.mix;

import java.util.List;
import java.util.Objects;

/**
 * Plays a sequence of {@link Tone}s (beeps, join and leave tones) as frames for the mixer or a prompt. The phase
 * carries on across frames and from one tone to the next, so frame boundaries add no clicks; each tone also ramps
 * in and out over a few milliseconds so its own edges do not click either.
 *
 * <p>Not thread-safe: one generator plays one announcement once.
 */
public final class ToneGenerator {
    /** 5 ms at 8 kHz: long enough to avoid a click, short enough not to blunt a beep. */
    static final int RAMP_SAMPLES = 40;

    private final List<Tone> tones;
    private final int sampleRate;
    private final int frameSamples;
    private int toneIndex;
    private int sampleInTone;
    private int toneLength;
    private double phase; // in cycles, kept in [0, 1)

    public ToneGenerator(List<Tone> tones, int sampleRate, int frameSamples) {
        this.tones = List.copyOf(Objects.requireNonNull(tones, "tones"));
        if (this.tones.isEmpty()) {
            throw new IllegalArgumentException("no tones");
        }
        if (sampleRate < 8000) {
            throw new IllegalArgumentException("sample rate must be at least 8000 Hz: " + sampleRate);
        }
        if (frameSamples < 1) {
            throw new IllegalArgumentException("frameSamples must be positive: " + frameSamples);
        }
        this.sampleRate = sampleRate;
        this.frameSamples = frameSamples;
        this.toneLength = lengthOf(this.tones.get(0));
    }

    /** Telephone audio: 8 kHz, 20 ms frames. */
    public static ToneGenerator of(Tone... tones) {
        return new ToneGenerator(List.of(tones), 8000, 160);
    }

    /** The recording beep: 1 kHz for 250 ms. */
    public static ToneGenerator beep() {
        return of(new Tone(1000, 250, -10));
    }

    /** Someone joined the conference: a rising pair. */
    public static ToneGenerator joinTone() {
        return of(new Tone(600, 120, -14), new Tone(900, 180, -14));
    }

    /** Someone left the conference: a falling pair. */
    public static ToneGenerator leaveTone() {
        return of(new Tone(900, 120, -14), new Tone(600, 180, -14));
    }

    /**
     * Writes the next frame into {@code out[0..frameSamples)}; once all tones are played the rest is silence.
     *
     * @return false once the frame is wholly past the end (pure silence), so the caller can stop asking
     */
    public boolean next(short[] out) {
        Objects.checkFromIndexSize(0, frameSamples, out.length);
        if (finished()) {
            java.util.Arrays.fill(out, 0, frameSamples, (short) 0);
            return false;
        }
        for (int i = 0; i < frameSamples; i++) {
            out[i] = finished() ? 0 : nextSample();
        }
        return true;
    }

    /** Whether every tone has been played. */
    public boolean finished() {
        return toneIndex >= tones.size();
    }

    /** Total length in samples of all the tones. */
    public long totalSamples() {
        long total = 0;
        for (Tone tone : tones) {
            total += lengthOf(tone);
        }
        return total;
    }

    private short nextSample() {
        Tone tone = tones.get(toneIndex);
        double value = 0;
        if (tone.frequencyHz() > 0) {
            double envelope = Math.min(1.0, Math.min(sampleInTone + 1, toneLength - sampleInTone)
                    / (double) RAMP_SAMPLES);
            value = tone.amplitude() * envelope * Math.sin(2 * Math.PI * phase);
            phase += tone.frequencyHz() / sampleRate;
            phase -= Math.floor(phase); // keep precision over long tones
        }
        if (++sampleInTone >= toneLength) {
            toneIndex++;
            sampleInTone = 0;
            if (toneIndex < tones.size()) {
                toneLength = lengthOf(tones.get(toneIndex));
            }
        }
        return (short) Math.round(value);
    }

    private int lengthOf(Tone tone) {
        return (int) ((long) tone.durationMillis() * sampleRate / 1000);
    }
}
