package com.crosspoint.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Level and tone measurements on recorded audio, to assert that "the tone sent by one side arrived at the
 * other side". Tone amplitudes come from a Hann-windowed Goertzel filter evaluated on short frames
 * (about a quarter second) and averaged in power, so a few Hz of frequency error or a short gap do not matter.
 */
public final class AudioAnalysis {

    /** A tone must reach this amplitude (-40 dBFS) to count as present. */
    public static final double MIN_TONE_AMPLITUDE = 0.01;
    /** ... and be this many times stronger (20 dB) than the spectrum 100 and 200 Hz beside it. */
    public static final double MIN_TONE_TO_NEIGHBOUR_RATIO = 10;
    /** ... and carry at least this share of the total signal power. */
    public static final double MIN_TONE_POWER_SHARE = 0.25;

    private static final int DOMINANT_FREQUENCY_FRAMES = 16;

    private final double[] samples;
    private final int sampleRate;
    private final int frameLength;
    private final double[] window;

    private AudioAnalysis(double[] samples, int sampleRate) {
        this.samples = samples;
        this.sampleRate = sampleRate;
        this.frameLength = Math.min(samples.length, Integer.highestOneBit(Math.max(64, sampleRate / 4)));
        this.window = hann(frameLength);
    }

    public static AudioAnalysis read(Path wav) {
        PcmWav pcm = PcmWav.read(wav);
        return of(pcm.samples(), pcm.sampleRate());
    }

    /** @param samples mono samples in -1..1 */
    public static AudioAnalysis of(double[] samples, int sampleRate) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("bad sample rate " + sampleRate);
        }
        return new AudioAnalysis(samples, sampleRate);
    }

    public int sampleRate() {
        return sampleRate;
    }

    public double durationSeconds() {
        return (double) samples.length / sampleRate;
    }

    /**
     * Consecutive windows of {@code seconds} each (a shorter tail is dropped), to follow what was heard when: a
     * phone's recording of received audio grows only while packets arrive, so position stands for time heard.
     */
    public List<AudioAnalysis> windows(double seconds) {
        int length = (int) Math.round(seconds * sampleRate);
        if (length <= 0) {
            throw new IllegalArgumentException("window too short: " + seconds + " s");
        }
        List<AudioAnalysis> windows = new ArrayList<>();
        for (int start = 0; start + length <= samples.length; start += length) {
            windows.add(new AudioAnalysis(Arrays.copyOfRange(samples, start, start + length), sampleRate));
        }
        return windows;
    }

    /** Root mean square level, full scale = 1 (a full-scale sine gives 0.707). */
    public double rms() {
        if (samples.length == 0) {
            return 0;
        }
        double sum = 0;
        for (double s : samples) {
            sum += s * s;
        }
        return Math.sqrt(sum / samples.length);
    }

    /** Estimated peak amplitude (full scale = 1) of the sinusoid at {@code hz}; 0 for empty audio. */
    public double amplitudeAt(double hz) {
        return amplitudeAt(hz, Integer.MAX_VALUE);
    }

    /** Averages over at most {@code maxFrames} frames spread evenly over the signal. */
    private double amplitudeAt(double hz, int maxFrames) {
        int frames = frameLength == 0 ? 0 : samples.length / frameLength;
        if (frames == 0) {
            return 0;
        }
        int used = Math.min(frames, maxFrames);
        double windowSum = 0;
        for (double w : window) {
            windowSum += w;
        }
        double powerSum = 0;
        for (int k = 0; k < used; k++) {
            int frame = (int) ((long) k * frames / used);
            double amplitude = 2 * goertzelMagnitude(frame * frameLength, hz) / windowSum;
            powerSum += amplitude * amplitude;
        }
        return Math.sqrt(powerSum / used);
    }

    /** Goertzel power (amplitude squared) at {@code hz}. */
    public double powerAt(double hz) {
        double a = amplitudeAt(hz);
        return a * a;
    }

    /**
     * The frequency with the highest amplitude between {@code fromHz} and {@code toHz}, scanned in 1 Hz steps
     * over a sample of {@value #DOMINANT_FREQUENCY_FRAMES} frames (a full scan of a long call would be slow).
     */
    public double dominantFrequency(double fromHz, double toHz) {
        double best = fromHz;
        double bestAmplitude = -1;
        for (double hz = Math.max(1, fromHz); hz <= Math.min(toHz, sampleRate / 2.0 - 1); hz += 1) {
            double amplitude = amplitudeAt(hz, DOMINANT_FREQUENCY_FRAMES);
            if (amplitude > bestAmplitude) {
                bestAmplitude = amplitude;
                best = hz;
            }
        }
        return best;
    }

    /** {@link #dominantFrequency(double, double)} over 50 Hz .. Nyquist-50 Hz. */
    public double dominantFrequency() {
        return dominantFrequency(50, sampleRate / 2.0 - 50);
    }

    /**
     * True if a tone at {@code hz} is clearly present: loud enough, well above its spectral neighbourhood
     * and a substantial part of the signal (so noise or another tone does not pass).
     */
    public boolean containsTone(double hz) {
        double amplitude = amplitudeAt(hz);
        double rms = rms();
        boolean loud = amplitude >= MIN_TONE_AMPLITUDE;
        boolean dominant = amplitude >= MIN_TONE_TO_NEIGHBOUR_RATIO * neighbourAmplitude(hz);
        boolean substantial = rms > 0 && (amplitude * amplitude / 2) >= MIN_TONE_POWER_SHARE * rms * rms;
        return loud && dominant && substantial;
    }

    /** One-line summary for assertion messages. */
    public String describe(double... tonesHz) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%.2f s @ %d Hz, rms %.4f", durationSeconds(),
                sampleRate, rms()));
        for (double hz : tonesHz) {
            sb.append(String.format(Locale.ROOT, ", amplitude@%.0fHz %.4f (neighbours %.4f)", hz, amplitudeAt(hz),
                    neighbourAmplitude(hz)));
        }
        return sb.toString();
    }

    private double neighbourAmplitude(double hz) {
        double max = 0;
        for (double offset : new double[] {-200, -100, 100, 200}) {
            double f = hz + offset;
            if (f > 20 && f < sampleRate / 2.0 - 20) {
                max = Math.max(max, amplitudeAt(f));
            }
        }
        return max;
    }

    private double goertzelMagnitude(int start, double hz) {
        double omega = 2 * Math.PI * hz / sampleRate;
        double coeff = 2 * Math.cos(omega);
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < frameLength; i++) {
            double s0 = samples[start + i] * window[i] + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double real = s1 - s2 * Math.cos(omega);
        double imag = s2 * Math.sin(omega);
        return Math.sqrt(real * real + imag * imag);
    }

    private static double[] hann(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = n == 1 ? 1 : 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
        }
        return w;
    }

    /** Whole seconds of a recording in which a tone at {@code hz} dominates (Goertzel per 1 s window). */
    public static int secondsWithTone(Path wav, double hz) {
        PcmWav pcm = PcmWav.read(wav);
        double[] all = pcm.samples();
        int rate = pcm.sampleRate();
        int count = 0;
        for (int start = 0; start + rate <= all.length; start += rate) {
            if (of(Arrays.copyOfRange(all, start, start + rate), rate).containsTone(hz)) {
                count++;
            }
        }
        return count;
    }

    /** The part of a recording from {@code fromSeconds} to {@code toSeconds}. */
    public static AudioAnalysis between(Path wav, double fromSeconds, double toSeconds) {
        PcmWav pcm = PcmWav.read(wav);
        int rate = pcm.sampleRate();
        return of(Arrays.copyOfRange(pcm.samples(), (int) (fromSeconds * rate), (int) (toSeconds * rate)),
                rate);
    }
}
