package com.crosspoint.media.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.media.wav.WavWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlayersTest {
    @TempDir
    Path dir;

    private static short[] ramp(int n, int base) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) (base + i);
        }
        return s;
    }

    @Test
    void wavPlayerPadsTheLastFrameAndCompletesOnce() {
        AtomicInteger completed = new AtomicInteger();
        WavPlayer player = new WavPlayer(ramp(400, 1), completed::incrementAndGet);
        short[] frame = new short[160];
        assertThat(player.next(frame)).isTrue();
        assertThat(frame[0]).isEqualTo((short) 1);
        assertThat(player.next(frame)).isTrue();
        assertThat(frame[0]).isEqualTo((short) 161);
        assertThat(player.next(frame)).isTrue();
        assertThat(frame[79]).isEqualTo((short) 400);
        assertThat(frame[80]).isZero();
        assertThat(frame[159]).isZero();
        assertThat(completed).hasValue(0);
        assertThat(player.next(frame)).isFalse();
        assertThat(player.next(frame)).isFalse();
        assertThat(completed).hasValue(1);
        assertThat(player.finished()).isTrue();
    }

    @Test
    void loopPlayerWrapsAroundShortSamples() {
        LoopPlayer player = new LoopPlayer(ramp(100, 0));
        short[] frame = new short[160];
        for (int k = 0; k < 5; k++) {
            assertThat(player.next(frame)).isTrue();
            for (int i = 0; i < 160; i++) {
                assertThat(frame[i]).isEqualTo((short) ((k * 160 + i) % 100));
            }
        }
        assertThatThrownBy(() -> new LoopPlayer(new short[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void playlistPlaysItemsBackToBackAndReportsCompletion() {
        List<PlaylistPlayer.Outcome> outcomes = new ArrayList<>();
        PlaylistPlayer player = new PlaylistPlayer(List.of(ramp(100, 0), ramp(100, 1000)), true, outcomes::add);
        short[] frame = new short[160];
        assertThat(player.next(frame)).isTrue();
        assertThat(frame[99]).isEqualTo((short) 99);
        assertThat(frame[100]).isEqualTo((short) 1000); // the next prompt continues in the same frame
        assertThat(player.next(frame)).isTrue();
        assertThat(frame[39]).isEqualTo((short) 1099);
        assertThat(frame[40]).isZero();
        assertThat(player.next(frame)).isFalse();
        assertThat(outcomes).containsExactly(PlaylistPlayer.Outcome.COMPLETED);
        assertThat(player.interrupt('1')).isFalse(); // already over
    }

    @Test
    void bargeInStopsAtTheNextTickWithTheKey() {
        List<PlaylistPlayer.Outcome> outcomes = new ArrayList<>();
        PlaylistPlayer player = new PlaylistPlayer(List.of(ramp(8000, 0)), true, outcomes::add);
        short[] frame = new short[160];
        assertThat(player.next(frame)).isTrue();
        assertThat(player.interrupt('5')).isTrue();
        assertThat(player.interrupt('6')).isFalse();
        assertThat(player.next(frame)).isFalse();
        assertThat(player.next(frame)).isFalse();
        assertThat(outcomes).containsExactly(new PlaylistPlayer.Outcome(true, '5'));

        List<PlaylistPlayer.Outcome> none = new ArrayList<>();
        PlaylistPlayer deaf = new PlaylistPlayer(List.of(ramp(8000, 0)), false, none::add);
        assertThat(deaf.interrupt('5')).isFalse();
        assertThat(deaf.next(frame)).isTrue();
        assertThat(none).isEmpty();
    }

    @Test
    void promptLibraryPrefersTheOverrideDirectoryAndCaches() throws Exception {
        PromptLibrary builtIn = PromptLibrary.english(dir);
        short[] goodbye = builtIn.samples("goodbye");
        assertThat(goodbye.length).isGreaterThan(1600); // the committed prompt, well over 0.2 s
        assertThat(builtIn.samples("goodbye")).isSameAs(goodbye);
        assertThat(builtIn.cached()).isEqualTo(1);

        Path en = Files.createDirectories(dir.resolve("prompts").resolve("en"));
        try (WavWriter w = WavWriter.create(en.resolve("goodbye.wav"))) {
            w.write(ramp(320, 7));
            w.finish();
        }
        PromptLibrary overridden = PromptLibrary.english(dir);
        assertThat(overridden.samples("goodbye")).hasSize(320).startsWith((short) 7, (short) 8);
        assertThat(overridden.samples("beep")).isNotEmpty(); // not overridden: from the classpath

        assertThat(PromptLibrary.musicOnHold(dir).samples("default").length).isGreaterThan(8000);
        assertThatThrownBy(() -> builtIn.samples("no-such-prompt")).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> builtIn.samples("../secret")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builtIn.samples("Goodbye")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void playlistOfLibraryPromptsFailsUpFrontForAMissingOne() throws Exception {
        PromptLibrary library = PromptLibrary.english(null);
        assertThat(PlaylistPlayer.of(library, List.of("vm-you-have", "two", "vm-new-messages"), true, o -> { }))
                .isNotNull();
        assertThatThrownBy(() -> PlaylistPlayer.of(library, List.of("two", "missing-one"), true, o -> { }))
                .isInstanceOf(NoSuchFileException.class);
    }
}
