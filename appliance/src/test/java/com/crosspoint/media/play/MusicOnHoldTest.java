package com.crosspoint.media.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.media.engine.AudioSource;
import com.crosspoint.testing.ToneWav;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the music comes from (configured file, DATA_DIR override, built-in) and that it loops. */
class MusicOnHoldTest {

    @TempDir
    Path dataDir;

    @Test
    void theBuiltInMusicWithoutConfigurationOrOverride() throws IOException {
        MusicOnHold music = MusicOnHold.load(Optional.empty(), dataDir);
        assertThat(music.origin()).contains("built-in");
        assertThat(music.durationMillis()).isGreaterThan(1000);
    }

    @Test
    void anOverrideInTheDataDirectoryWinsOverTheBuiltIn() throws IOException {
        Path moh = Files.createDirectories(dataDir.resolve("prompts").resolve("moh"));
        ToneWav.write(moh.resolve("default.wav"), 440, Duration.ofMillis(500), 0.5);
        MusicOnHold music = MusicOnHold.load(Optional.empty(), dataDir);
        assertThat(music.origin()).isEqualTo(moh.resolve("default.wav").toString());
        assertThat(music.samples()).hasSize(4000);
    }

    @Test
    void theConfiguredFileWinsOverTheOverride() throws IOException {
        Path moh = Files.createDirectories(dataDir.resolve("prompts").resolve("moh"));
        ToneWav.write(moh.resolve("default.wav"), 440, Duration.ofMillis(500), 0.5);
        Path configured = ToneWav.write(dataDir.resolve("mine.wav"), 700, Duration.ofMillis(250), 0.5);
        MusicOnHold music = MusicOnHold.load(Optional.of(configured), dataDir);
        assertThat(music.origin()).isEqualTo(configured.toString());
        assertThat(music.samples()).hasSize(2000);
    }

    @Test
    void anUnusableOverrideIsAnErrorNamingTheFile() throws IOException {
        Path moh = Files.createDirectories(dataDir.resolve("prompts").resolve("moh"));
        Files.writeString(moh.resolve("default.wav"), "not a wave file");
        assertThatThrownBy(() -> MusicOnHold.load(Optional.empty(), dataDir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(moh.resolve("default.wav").toString());
    }

    @Test
    void eachPlayerLoopsFromTheStart() throws IOException {
        Path configured = ToneWav.write(dataDir.resolve("short.wav"), 700, Duration.ofMillis(30), 0.5);
        MusicOnHold music = MusicOnHold.load(Optional.of(configured), dataDir);
        short[] expected = music.samples();
        AudioSource first = music.player();
        short[] frame = new short[AudioSource.FRAME_SAMPLES];
        assertThat(first.next(frame)).isTrue();
        assertThat(first.next(frame)).isTrue(); // 320 samples of a 240-sample file: wrapped around
        assertThat(frame[80]).isEqualTo(expected[0]);
        short[] fresh = new short[AudioSource.FRAME_SAMPLES];
        assertThat(music.player().next(fresh)).isTrue();
        assertThat(fresh[0]).isEqualTo(expected[0]);
        assertThat(fresh[100]).isEqualTo(expected[100]);
    }
}
