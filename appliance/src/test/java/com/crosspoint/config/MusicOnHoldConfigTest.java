package com.crosspoint.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.testing.ToneWav;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code media.musicOnHold}: empty by default, else a file checked at start to be a loopable 8 kHz mono WAV. */
class MusicOnHoldConfigTest {

    @TempDir
    Path dir;

    private CrosspointConfig load(String value) {
        return new ConfigLoader(Map.of(), Optional::empty).load(Optional.empty(),
                Map.of("media.musicOnHold", value));
    }

    @Test
    void emptyByDefault() {
        CrosspointConfig config = new ConfigLoader(Map.of(), Optional::empty).load(Optional.empty());
        assertThat(config.musicOnHold()).isEmpty();
    }

    @Test
    void aTelephoneWavIsAccepted() {
        Path wav = ToneWav.write(dir.resolve("moh.wav"), 440, Duration.ofSeconds(1), 0.5);
        assertThat(load(wav.toString()).musicOnHold()).contains(wav.toAbsolutePath().normalize());
    }

    @Test
    void aMissingFileIsRejectedNamingTheKey() {
        assertThatThrownBy(() -> load(dir.resolve("nope.wav").toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("media.musicOnHold: no such file");
    }

    @Test
    void aWavThatIsNot8kHzIsRejectedNamingTheKey() throws IOException {
        Path wav = dir.resolve("cd.wav");
        Files.write(wav, pcmWav(44_100, 1, 4410));
        assertThatThrownBy(() -> load(wav.toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("media.musicOnHold: ")
                .hasMessageContaining("not an 8 kHz mono WAV")
                .hasMessageContaining("44100");
    }

    @Test
    void aStereoWavIsRejected() throws IOException {
        Path wav = dir.resolve("stereo.wav");
        Files.write(wav, pcmWav(8000, 2, 800));
        assertThatThrownBy(() -> load(wav.toString())).hasMessageContaining("channel");
    }

    @Test
    void aWavWithoutSamplesIsRejected() throws IOException {
        Path wav = dir.resolve("empty.wav");
        Files.write(wav, pcmWav(8000, 1, 0));
        assertThatThrownBy(() -> load(wav.toString())).hasMessageContaining("holds no audio");
    }

    @Test
    void aFileThatIsNoWavIsRejected() throws IOException {
        Path text = Files.writeString(dir.resolve("music.mp3"), "ID3 not a wave file");
        assertThatThrownBy(() -> load(text.toString())).hasMessageStartingWith("media.musicOnHold: ");
    }

    /** A 16-bit PCM WAV of silence. */
    static byte[] pcmWav(int rate, int channels, int frames) {
        int data = frames * channels * 2;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + data).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        b.put("data".getBytes()).putInt(data);
        return b.array();
    }
}
