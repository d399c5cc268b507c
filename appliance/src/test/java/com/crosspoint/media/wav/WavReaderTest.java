package com.crosspoint.media.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.media.codec.G711Alaw;
import com.crosspoint.media.codec.G711Ulaw;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WavReaderTest {
    private static final short[] SAMPLES = {0, 1, -1, 32767, -32768, 1000, -1000, 12345};

    @Test
    void readsPcmWithAListChunkBeforeFmtAndAnOddSizedUnknownChunk() throws Exception {
        byte[] file = riff(
                chunk("LIST", "INFOISFT\u0007\0\0\0Lavf58\0\0".getBytes(StandardCharsets.ISO_8859_1)),
                chunk("junk", new byte[] {1, 2, 3}), // odd size: one pad byte follows
                fmt(1, 1, 8000, 16),
                chunk("data", pcmBytes(SAMPLES)),
                chunk("cue ", new byte[12]));
        WavAudio audio = WavReader.read(file);
        assertThat(audio.samples()).containsExactly(SAMPLES);
        assertThat(audio.truncated()).isFalse();
        assertThat(audio.format()).isEqualTo(new WavFormat(1, 1, 8000, 16));
    }

    @Test
    void readsDataBeforeFmt() throws Exception {
        byte[] file = riff(chunk("data", pcmBytes(SAMPLES)), fmt(1, 1, 8000, 16));
        assertThat(WavReader.read(file).samples()).containsExactly(SAMPLES);
    }

    @Test
    void readsMulawAndAlaw() throws Exception {
        byte[] ulaw = new byte[SAMPLES.length];
        byte[] alaw = new byte[SAMPLES.length];
        G711Ulaw.INSTANCE.encode(SAMPLES, 0, SAMPLES.length, ulaw);
        G711Alaw.INSTANCE.encode(SAMPLES, 0, SAMPLES.length, alaw);
        short[] fromU = WavReader.read(riff(fmt(7, 1, 8000, 8), chunk("data", ulaw))).samples();
        short[] fromA = WavReader.read(riff(fmt(6, 1, 8000, 8), chunk("data", alaw))).samples();
        for (int i = 0; i < SAMPLES.length; i++) {
            assertThat(fromU[i]).isEqualTo(G711Ulaw.decodeSample(ulaw[i]));
            assertThat(fromA[i]).isEqualTo(G711Alaw.decodeSample(alaw[i]));
        }
        assertThat(fromU[3]).isEqualTo((short) 32124);
        assertThat(fromA[3]).isEqualTo((short) 32256);
    }

    @Test
    void resolvesWaveFormatExtensible() throws Exception {
        ByteBuffer body = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        body.putShort((short) 0xFFFE).putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2)
                .putShort((short) 16).putShort((short) 22).putShort((short) 16).putInt(4)
                .putShort((short) 1); // sub-format GUID starts with the PCM tag
        byte[] file = riff(chunk("fmt ", body.array()), chunk("data", pcmBytes(SAMPLES)));
        assertThat(WavReader.read(file).samples()).containsExactly(SAMPLES);
    }

    @Test
    void truncatedDataYieldsTheWholeSamplesPresent() throws Exception {
        byte[] whole = riff(fmt(1, 1, 8000, 16), chunk("data", pcmBytes(SAMPLES)));
        byte[] cut = Arrays.copyOf(whole, whole.length - 5); // 2.5 samples missing
        WavAudio audio = WavReader.read(cut);
        assertThat(audio.truncated()).isTrue();
        assertThat(audio.samples()).containsExactly(Arrays.copyOf(SAMPLES, SAMPLES.length - 3));
    }

    @Test
    void truncatedHeaderIsAFormatError() {
        byte[] whole = riff(fmt(1, 1, 8000, 16), chunk("data", pcmBytes(SAMPLES)));
        assertThatThrownBy(() -> WavReader.read(Arrays.copyOf(whole, 8)))
                .isInstanceOf(WavFormatException.class).hasMessageContaining("only 8 bytes");
        assertThatThrownBy(() -> WavReader.read(Arrays.copyOf(whole, 30)))
                .isInstanceOf(WavFormatException.class).hasMessageContaining("fmt chunk cut short");
        assertThatThrownBy(() -> WavReader.read(Arrays.copyOf(whole, 36)))
                .isInstanceOf(WavFormatException.class).hasMessageContaining("no data chunk");
        assertThatThrownBy(() -> WavReader.read(riff(chunk("data", pcmBytes(SAMPLES)))))
                .isInstanceOf(WavFormatException.class).hasMessageContaining("no fmt chunk");
        assertThatThrownBy(() -> WavReader.read("RIFF\0\0\0\0AVI LIST".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(WavFormatException.class).hasMessageContaining("not a RIFF/WAVE");
    }

    @Test
    void rejects44kHzNamingWhatWasFound() {
        byte[] file = riff(fmt(1, 1, 44100, 16), chunk("data", pcmBytes(SAMPLES)));
        assertThatThrownBy(() -> WavReader.read(file))
                .isInstanceOfSatisfying(UnsupportedWavFormatException.class,
                        e -> assertThat(e.found()).isEqualTo(new WavFormat(1, 1, 44100, 16)))
                .hasMessageContaining("44100 Hz").hasMessageContaining("8000 Hz mono");
    }

    @Test
    void rejectsStereoAndOtherEncodings() {
        assertThatThrownBy(() -> WavReader.read(riff(fmt(1, 2, 8000, 16), chunk("data", pcmBytes(SAMPLES)))))
                .isInstanceOf(UnsupportedWavFormatException.class).hasMessageContaining("channel count 2");
        assertThatThrownBy(() -> WavReader.read(riff(fmt(1, 1, 8000, 8), chunk("data", new byte[4]))))
                .isInstanceOf(UnsupportedWavFormatException.class).hasMessageContaining("PCM 8-bit");
        assertThatThrownBy(() -> WavReader.read(riff(fmt(0x11, 1, 8000, 4), chunk("data", new byte[4]))))
                .isInstanceOf(UnsupportedWavFormatException.class).hasMessageContaining("format 0x0011");
    }

    @Test
    void anOversizedFileIsRefusedBeforeItIsRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path big = dir.resolve("big.wav");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(WavReader.MAX_FILE_BYTES + 1); // sparse: no real disk used
        }
        assertThatThrownBy(() -> WavReader.read(big))
                .isInstanceOf(WavFormatException.class).hasMessageContaining("too large");
    }

    @Test
    void readsAFileFromDisk(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path prompt = dir.resolve("prompt.wav");
        java.nio.file.Files.write(prompt, riff(fmt(1, 1, 8000, 16), chunk("data", pcmBytes(SAMPLES))));
        assertThat(WavReader.read(prompt).samples()).containsExactly(SAMPLES);
        assertThat(WavReader.read(prompt).durationMillis()).isEqualTo(1); // 8 samples = 1 ms
    }

    // ---- hand-built files ----

    static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        for (byte[] chunk : chunks) {
            body.writeBytes(chunk);
        }
        ByteBuffer out = ByteBuffer.allocate(8 + body.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(body.size()).put(body.toByteArray());
        return out.array();
    }

    static byte[] chunk(String id, byte[] body) {
        ByteBuffer out = ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        out.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
        return out.array();
    }

    static byte[] fmt(int tag, int channels, int rate, int bits) {
        int block = channels * ((bits + 7) / 8);
        ByteBuffer body = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        body.putShort((short) tag).putShort((short) channels).putInt(rate).putInt(rate * block)
                .putShort((short) block).putShort((short) bits);
        return chunk("fmt ", body.array());
    }

    static byte[] pcmBytes(short[] samples) {
        ByteBuffer out = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            out.putShort(s);
        }
        return out.array();
    }
}
