package com.crosspoint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A 16-bit PCM WAV file read into memory and mixed down to mono samples in -1..1.
 * Tolerates the data-chunk size baresip's sndfile leaves at 0 while a call is still being recorded:
 * the data then runs to the end of the file.
 */
public final class PcmWav {

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private final double[] samples;
    private final int sampleRate;
    private final int channels;

    private PcmWav(double[] samples, int sampleRate, int channels) {
        this.samples = samples;
        this.sampleRate = sampleRate;
        this.channels = channels;
    }

    public static PcmWav read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || buf.getInt(0) != fourCc("RIFF") || buf.getInt(8) != fourCc("WAVE")) {
            throw new IllegalArgumentException("not a RIFF/WAVE file: " + file);
        }
        int channels = 0;
        int sampleRate = 0;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            int id = buf.getInt(pos);
            long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
            int body = pos + 8;
            if (id == fourCc("fmt ")) {
                int format = buf.getShort(body) & 0xFFFF;
                channels = buf.getShort(body + 2) & 0xFFFF;
                sampleRate = buf.getInt(body + 4);
                int bits = buf.getShort(body + 14) & 0xFFFF;
                if ((format != FORMAT_PCM && format != FORMAT_EXTENSIBLE) || bits != 16 || channels < 1) {
                    throw new IllegalArgumentException(file + ": only 16-bit PCM is supported (format " + format
                            + ", " + bits + " bits, " + channels + " channels)");
                }
            } else if (id == fourCc("data")) {
                if (channels == 0) {
                    throw new IllegalArgumentException(file + ": data chunk before fmt chunk");
                }
                long available = bytes.length - body;
                long length = size == 0 || size > available ? available : size;
                return new PcmWav(mixDown(buf, body, (int) length, channels), sampleRate, channels);
            }
            pos = body + (int) Math.min(size + (size & 1), bytes.length - body); // chunks are word aligned
        }
        throw new IllegalArgumentException(file + ": no data chunk");
    }

    /** Mono samples in -1..1 (the internal array, not a copy: the files can be large). */
    public double[] samples() {
        return samples;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** Channels in the file before mixing down. */
    public int channels() {
        return channels;
    }

    public double durationSeconds() {
        return (double) samples.length / sampleRate;
    }

    private static double[] mixDown(ByteBuffer buf, int offset, int length, int channels) {
        int frames = length / (2 * channels);
        double[] mono = new double[frames];
        for (int i = 0; i < frames; i++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += buf.getShort(offset + 2 * (i * channels + c));
            }
            mono[i] = sum / channels / 32768.0;
        }
        return mono;
    }

    private static int fourCc(String s) {
        return (s.charAt(0)) | (s.charAt(1) << 8) | (s.charAt(2) << 16) | (s.charAt(3) << 24);
    }
}
