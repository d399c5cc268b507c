package com.crosspoint.testing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Writes a sine tone as a mono 16-bit PCM WAV at 8 kHz, the format baresip's aufile source needs with
 * {@code ausrc_srate 8000} and {@code ausrc_channels 1}.
 */
public final class ToneWav {

    public static final int SAMPLE_RATE = 8000;

    private ToneWav() {
    }

    /**
     * @param amplitude peak amplitude, 0..1 of full scale
     * @return {@code file}
     */
    public static Path write(Path file, double frequencyHz, Duration duration, double amplitude) {
        if (amplitude < 0 || amplitude > 1) {
            throw new IllegalArgumentException("amplitude must be within 0..1: " + amplitude);
        }
        if (frequencyHz <= 0 || frequencyHz >= SAMPLE_RATE / 2.0) {
            throw new IllegalArgumentException("frequency must be within (0, " + SAMPLE_RATE / 2 + "): " + frequencyHz);
        }
        long samples = duration.toMillis() * SAMPLE_RATE / 1000;
        long dataBytes = samples * 2;
        if (dataBytes + 36 > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("tone too long for a WAV file: " + duration);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            writeHeader(out, dataBytes);
            double step = 2 * Math.PI * frequencyHz / SAMPLE_RATE;
            double peak = amplitude * Short.MAX_VALUE;
            for (long i = 0; i < samples; i++) {
                int value = (int) Math.round(peak * Math.sin(step * i));
                out.write(value & 0xFF);
                out.write((value >> 8) & 0xFF);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static void writeHeader(OutputStream out, long dataBytes) throws IOException {
        out.write(new byte[] {'R', 'I', 'F', 'F'});
        int32(out, 36 + dataBytes);
        out.write(new byte[] {'W', 'A', 'V', 'E', 'f', 'm', 't', ' '});
        int32(out, 16);              // fmt chunk size
        int16(out, 1);               // PCM
        int16(out, 1);               // mono
        int32(out, SAMPLE_RATE);
        int32(out, SAMPLE_RATE * 2L); // byte rate
        int16(out, 2);               // block align
        int16(out, 16);              // bits per sample
        out.write(new byte[] {'d', 'a', 't', 'a'});
        int32(out, dataBytes);
    }

    private static void int16(OutputStream out, int v) throws IOException {
        out.write(v & 0xFF);
        out.write((v >> 8) & 0xFF);
    }

    private static void int32(OutputStream out, long v) throws IOException {
        for (int shift = 0; shift < 32; shift += 8) {
            out.write((int) (v >> shift) & 0xFF);
        }
    }
}
