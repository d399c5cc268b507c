package com.crosspoint.media.wav;

/**
 * What a WAVE {@code fmt } chunk declares.
 *
 * @param formatTag      1 = PCM, 6 = A-law, 7 = µ-law (WAVE_FORMAT_EXTENSIBLE is resolved to its sub-format)
 * @param channels       interleaved channel count
 * @param sampleRate     frames per second
 * @param bitsPerSample  bits of one sample of one channel
 */
public record WavFormat(int formatTag, int channels, int sampleRate, int bitsPerSample) {
    public static final int PCM = 1;
    public static final int ALAW = 6;
    public static final int MULAW = 7;
    public static final int EXTENSIBLE = 0xFFFE;

    /** What the media server plays and records: telephone audio. */
    public static final WavFormat TELEPHONE_PCM = new WavFormat(PCM, 1, 8000, 16);

    public WavFormat {
        if (formatTag < 0 || formatTag > 0xFFFF) {
            throw new IllegalArgumentException("format tag out of range: " + formatTag);
        }
        if (channels < 1 || channels > 0xFFFF) {
            throw new IllegalArgumentException("channels must be 1..65535: " + channels);
        }
        if (sampleRate < 1) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        if (bitsPerSample < 1 || bitsPerSample > 0xFFFF) {
            throw new IllegalArgumentException("bits per sample must be 1..65535: " + bitsPerSample);
        }
    }

    /** Bytes of one sample frame (all channels), rounded up to whole bytes per sample. */
    public int blockAlign() {
        return channels * ((bitsPerSample + 7) / 8);
    }

    /** A human-readable name of the encoding, for error messages. */
    public String encodingName() {
        return switch (formatTag) {
            case PCM -> "PCM";
            case ALAW -> "A-law";
            case MULAW -> "µ-law";
            default -> String.format("format 0x%04X", formatTag);
        };
    }

    @Override
    public String toString() {
        return encodingName() + " " + bitsPerSample + "-bit " + sampleRate + " Hz "
                + (channels == 1 ? "mono" : channels + " channels");
    }
}
