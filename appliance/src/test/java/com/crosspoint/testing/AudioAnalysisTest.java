package com.crosspoint.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioAnalysisTest {

    @TempDir
    Path dir;

    @Test
    void toneWavIsMono16Bit8kHzWithTheRequestedLength() {
        PcmWav wav = PcmWav.read(ToneWav.write(dir.resolve("t.wav"), 440, Duration.ofMillis(1500), 0.5));

        assertThat(wav.sampleRate()).isEqualTo(8000);
        assertThat(wav.channels()).isEqualTo(1);
        assertThat(wav.samples()).hasSize(12000);
    }

    @Test
    void recognisesTheToneThatWasWritten() {
        AudioAnalysis a = AudioAnalysis.read(ToneWav.write(dir.resolve("t.wav"), 440, Duration.ofSeconds(2), 0.5));

        assertThat(a.rms()).isCloseTo(0.5 / Math.sqrt(2), within(0.005));
        assertThat(a.amplitudeAt(440)).isCloseTo(0.5, within(0.02));
        assertThat(a.dominantFrequency()).isCloseTo(440, within(2.0));
        assertThat(a.containsTone(440)).isTrue();
        assertThat(a.containsTone(975)).isFalse();
        assertThat(a.containsTone(540)).isFalse();
    }

    @Test
    void windowsFollowWhichToneWasHeardWhen() {
        int rate = 8000;
        double[] heard = new double[rate * 3 + 1000]; // 1 s of 440 Hz, 1 s of silence, 1 s of 975 Hz, a short tail
        for (int i = 0; i < rate; i++) {
            heard[i] = 0.4 * Math.sin(2 * Math.PI * 440 * i / rate);
            heard[2 * rate + i] = 0.4 * Math.sin(2 * Math.PI * 975 * i / rate);
        }
        java.util.List<AudioAnalysis> windows = AudioAnalysis.of(heard, rate).windows(0.5);

        assertThat(windows).hasSize(6);
        assertThat(windows).allSatisfy(w -> assertThat(w.durationSeconds()).isEqualTo(0.5));
        assertThat(windows.stream().map(w -> w.containsTone(440) ? "A" : w.containsTone(975) ? "B" : "-"))
                .containsExactly("A", "A", "-", "-", "B", "B");
    }

    @Test
    void findsBothTonesOfAMixButNotATonelessSignal() {
        int rate = 8000;
        double[] mix = new double[rate * 2];
        double[] noise = new double[rate * 2];
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < mix.length; i++) {
            mix[i] = 0.3 * Math.sin(2 * Math.PI * 440 * i / rate) + 0.3 * Math.sin(2 * Math.PI * 975 * i / rate);
            noise[i] = 0.3 * (random.nextDouble() * 2 - 1);
        }

        AudioAnalysis both = AudioAnalysis.of(mix, rate);
        assertThat(both.containsTone(440)).isTrue();
        assertThat(both.containsTone(975)).isTrue();
        assertThat(both.containsTone(700)).isFalse();

        AudioAnalysis white = AudioAnalysis.of(noise, rate);
        assertThat(white.containsTone(440)).isFalse();
        assertThat(AudioAnalysis.of(new double[rate], rate).containsTone(440)).isFalse();
    }

    @Test
    void readsStereoAndAnUnfinishedDataChunkLikeSndfileWritesDuringACall() throws IOException {
        int rate = 16000;
        int frames = rate;
        ByteBuffer buf = ByteBuffer.allocate(44 + frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.put("RIFF".getBytes()).putInt(0).put("WAVEfmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 2).putInt(rate).putInt(rate * 4)
                .putShort((short) 4).putShort((short) 16).put("data".getBytes()).putInt(0); // size not yet known
        for (int i = 0; i < frames; i++) {
            short s = (short) Math.round(16000 * Math.sin(2 * Math.PI * 975 * i / rate));
            buf.putShort(s).putShort(s);
        }
        Path file = Files.write(dir.resolve("stereo.wav"), buf.array());

        PcmWav wav = PcmWav.read(file);
        AudioAnalysis a = AudioAnalysis.read(file);

        assertThat(wav.channels()).isEqualTo(2);
        assertThat(wav.samples()).hasSize(frames);
        assertThat(a.sampleRate()).isEqualTo(rate);
        assertThat(a.containsTone(975)).isTrue();
        assertThat(a.dominantFrequency(300, 3000)).isCloseTo(975, within(2.0));
    }
}
