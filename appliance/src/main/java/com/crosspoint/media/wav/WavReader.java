package com.crosspoint.media.wav;

import com.crosspoint.media.codec.G711Alaw;
import com.crosspoint.media.codec.G711Ulaw;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a RIFF/WAVE prompt into 8 kHz mono linear samples. Chunks may come in any order and unknown ones
 * (LIST, fact, cue ...) are skipped. A data chunk cut short by the end of the file yields the whole samples
 * that are there and is flagged, because a prompt truncated by a failed upload is still better played than not.
 */
public final class WavReader {
    private static final int TELEPHONE_RATE = 8000;
    /** 64 MiB: over an hour of 16-bit 8 kHz audio; anything larger is not a prompt and would only exhaust memory. */
    static final long MAX_FILE_BYTES = 64L << 20;

    private WavReader() {
    }

    /** Reads and decodes a file; prompts are small, so it is read whole. */
    public static WavAudio read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new WavFormatException("too large for a prompt: " + size + " bytes (limit " + MAX_FILE_BYTES + ")");
        }
        return read(Files.readAllBytes(file));
    }

    /** Decodes the bytes of a whole WAVE file. */
    public static WavAudio read(byte[] file) throws WavFormatException {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 12) {
            throw new WavFormatException("not a WAVE file: only " + file.length + " bytes");
        }
        if (in.getInt(0) != fourCc("RIFF") || in.getInt(8) != fourCc("WAVE")) {
            throw new WavFormatException("not a RIFF/WAVE file");
        }
        // the RIFF size is often wrong (0 or 0xFFFFFFFF from streaming writers), so the file length bounds the walk
        long riffEnd = file.length;
        WavFormat format = null;
        int dataStart = -1;
        long dataDeclared = 0;
        int position = 12;
        while (position + 8 <= riffEnd) {
            int id = in.getInt(position);
            long size = Integer.toUnsignedLong(in.getInt(position + 4));
            int body = position + 8;
            if (id == fourCc("fmt ")) {
                if (body + 16 > file.length || size < 16) {
                    throw new WavFormatException("fmt chunk cut short: " + size + " bytes declared, "
                            + Math.max(0, file.length - body) + " present");
                }
                format = parseFormat(in, body, size);
            } else if (id == fourCc("data")) {
                dataStart = body;
                dataDeclared = size;
            }
            // chunks are word-aligned: an odd size is followed by one pad byte
            long next = body + size + (size & 1);
            if (next > Integer.MAX_VALUE) {
                break;
            }
            position = (int) next;
        }
        if (format == null) {
            throw new WavFormatException("no fmt chunk");
        }
        if (dataStart < 0) {
            throw new WavFormatException("no data chunk");
        }
        checkPlayable(format);
        long available = file.length - (long) dataStart;
        boolean truncated = dataDeclared > available;
        int bytes = (int) Math.min(dataDeclared, available);
        return new WavAudio(format, decode(format, file, dataStart, bytes), truncated);
    }

    private static WavFormat parseFormat(ByteBuffer in, int body, long size) throws WavFormatException {
        int tag = Short.toUnsignedInt(in.getShort(body));
        int channels = Short.toUnsignedInt(in.getShort(body + 2));
        int rate = in.getInt(body + 4);
        int bits = Short.toUnsignedInt(in.getShort(body + 14));
        if (tag == WavFormat.EXTENSIBLE) {
            // WAVE_FORMAT_EXTENSIBLE: the real tag is the first two bytes of the sub-format GUID at offset 24
            if (size < 40 || body + 26 > in.limit()) {
                throw new WavFormatException("extensible fmt chunk cut short: " + size + " bytes");
            }
            tag = Short.toUnsignedInt(in.getShort(body + 24));
        }
        if (channels == 0 || rate <= 0 || bits == 0) {
            throw new WavFormatException("fmt chunk declares " + channels + " channels, " + rate + " Hz, "
                    + bits + " bits");
        }
        return new WavFormat(tag, channels, rate, bits);
    }

    private static void checkPlayable(WavFormat format) throws UnsupportedWavFormatException {
        boolean encodingOk = switch (format.formatTag()) {
            case WavFormat.PCM -> format.bitsPerSample() == 16;
            case WavFormat.ALAW, WavFormat.MULAW -> format.bitsPerSample() == 8;
            default -> false;
        };
        if (!encodingOk) {
            throw new UnsupportedWavFormatException(format, "unsupported encoding");
        }
        if (format.sampleRate() != TELEPHONE_RATE) {
            throw new UnsupportedWavFormatException(format, "unsupported sample rate " + format.sampleRate() + " Hz");
        }
        if (format.channels() != 1) {
            throw new UnsupportedWavFormatException(format, "unsupported channel count " + format.channels());
        }
    }

    private static short[] decode(WavFormat format, byte[] file, int start, int bytes) {
        switch (format.formatTag()) {
            case WavFormat.PCM -> {
                short[] samples = new short[bytes / 2]; // a dangling odd byte is half a sample: dropped
                for (int i = 0; i < samples.length; i++) {
                    int lo = file[start + 2 * i] & 0xFF;
                    samples[i] = (short) ((file[start + 2 * i + 1] << 8) | lo);
                }
                return samples;
            }
            case WavFormat.MULAW -> {
                short[] samples = new short[bytes];
                G711Ulaw.INSTANCE.decode(file, start, bytes, samples);
                return samples;
            }
            case WavFormat.ALAW -> {
                short[] samples = new short[bytes];
                G711Alaw.INSTANCE.decode(file, start, bytes, samples);
                return samples;
            }
            default -> throw new IllegalStateException("checked before: " + format);
        }
    }

    static int fourCc(String id) {
        return (id.charAt(0)) | (id.charAt(1) << 8) | (id.charAt(2) << 16) | (id.charAt(3) << 24);
    }
}
