package com.crosspoint.media.wav;

import java.util.Objects;

/**
 * Decoded telephone audio from a WAVE file.
 *
 * @param format     the format the file declared
 * @param samples    8 kHz mono linear samples
 * @param truncated  the data chunk claimed more bytes than the file holds; {@code samples} is what was there
 */
public record WavAudio(WavFormat format, short[] samples, boolean truncated) {
    public WavAudio {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(samples, "samples");
    }

    /** Playing time of the samples. */
    public long durationMillis() {
        return samples.length * 1000L / format.sampleRate();
    }
}
