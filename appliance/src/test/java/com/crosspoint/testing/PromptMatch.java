package com.crosspoint.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds prompts in what a phone heard: a piece of a prompt is looked for by normalised cross-correlation (G.711
 * keeps the waveform, so a prompt that was played matches near 1, another word far below).
 */
public final class PromptMatch {
    private PromptMatch() {
    }

    /** The recording at 8 kHz (averaging down from a multiple of it). */
    public static double[] at8k(PcmWav pcm) {
        int factor = pcm.sampleRate() / 8000;
        if (pcm.sampleRate() % 8000 != 0) {
            throw new IllegalArgumentException("sample rate " + pcm.sampleRate());
        }
        double[] in = pcm.samples();
        double[] out = new double[in.length / factor];
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (int j = 0; j < factor; j++) {
                sum += in[i * factor + j];
            }
            out[i] = sum / factor;
        }
        return out;
    }

    public static double[] slice(short[] samples, int from, int to) {
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = samples[i];
        }
        return out;
    }

    /** Where {@code needle} occurs in {@code hay} (normalised correlation above 0.7), at least 1 s apart. */
    public static List<Integer> matches(double[] hay, double[] needle) {
        double needleNorm = Math.sqrt(Arrays.stream(needle).map(v -> v * v).sum());
        ArrayList<Integer> found = new java.util.ArrayList<>();
        double window = 0;
        for (int i = 0; i < needle.length && i < hay.length; i++) {
            window += hay[i] * hay[i];
        }
        for (int at = 0; at + needle.length <= hay.length; at++) {
            if (at > 0) {
                window += hay[at + needle.length - 1] * hay[at + needle.length - 1] - hay[at - 1] * hay[at - 1];
            }
            if (window <= 1e-9) {
                continue;
            }
            double dot = 0;
            for (int i = 0; i < needle.length; i++) {
                dot += hay[at + i] * needle[i];
            }
            double corr = dot / (needleNorm * Math.sqrt(window));
            if (corr > 0.7) {
                if (found.isEmpty() || at - found.get(found.size() - 1) > 8_000) {
                    found.add(at);
                }
                at += 8_000; // skip past this occurrence
            }
        }
        return found;
    }
}
