package com.crosspoint.media.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.media.jitter.FrameKind;
import com.crosspoint.media.wav.WavAudio;
import com.crosspoint.media.wav.WavReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderTest {
    @TempDir
    Path dir;

    private final List<Recorder.Recording> results = new ArrayList<>();
    private final List<Runnable> finishing = new ArrayList<>();
    private final Executor deferred = finishing::add; // proves the commit runs on the executor, not in accept()

    private static short[] loud() {
        short[] f = new short[160];
        for (int i = 0; i < 160; i++) {
            f[i] = (short) (i % 2 == 0 ? 3000 : -3000); // about -21 dBFS
        }
        return f;
    }

    private static short[] quiet() {
        short[] f = new short[160];
        for (int i = 0; i < 160; i++) {
            f[i] = (short) (i % 2 == 0 ? 50 : -50); // about -56 dBFS: line noise, below -45
        }
        return f;
    }

    private void runFinishers() {
        finishing.forEach(Runnable::run);
        finishing.clear();
    }

    @Test
    void stopsAtTheMaximumLength() throws Exception {
        Recorder r = Recorder.start(dir.resolve("max.wav"), new Recorder.Limits(1, 5, -45), deferred, results::add);
        for (int i = 0; i < 60; i++) {
            r.accept(loud(), FrameKind.PLAYED);
        }
        assertThat(r.isStopped()).isTrue();
        assertThat(results).isEmpty();
        assertThat(Files.exists(dir.resolve("max.wav"))).isFalse(); // not committed until the finisher ran
        runFinishers();
        assertThat(results).hasSize(1);
        Recorder.Recording rec = results.get(0);
        assertThat(rec.reason()).isEqualTo(Recorder.Reason.MAX_LENGTH);
        assertThat(rec.durationMillis()).isEqualTo(1000);
        WavAudio audio = WavReader.read(rec.file());
        assertThat(audio.samples()).hasSize(8000);
    }

    @Test
    void stopsAfterARunOfSilenceButNotForShortPauses() throws Exception {
        Recorder r = Recorder.start(dir.resolve("s.wav"), new Recorder.Limits(60, 1, -45), Runnable::run,
                results::add);
        for (int i = 0; i < 10; i++) {
            r.accept(loud(), FrameKind.PLAYED);
        }
        for (int i = 0; i < 49; i++) {
            r.accept(quiet(), FrameKind.PLAYED); // 0.98 s: a pause
        }
        r.accept(loud(), FrameKind.PLAYED);
        assertThat(results).isEmpty();
        for (int i = 0; i < 25; i++) {
            r.accept(quiet(), FrameKind.PLAYED);
        }
        for (int i = 0; i < 25; i++) {
            r.accept(new short[160], FrameKind.SILENCE); // nothing received at all counts too
        }
        assertThat(results).hasSize(1);
        assertThat(results.get(0).reason()).isEqualTo(Recorder.Reason.SILENCE);
        assertThat(results.get(0).durationMillis()).isEqualTo((10 + 49 + 1 + 50) * 20);
    }

    @Test
    void limitsComeFromTheMediaConfiguration() {
        assertThat(Recorder.Limits.of(com.crosspoint.media.engine.MediaConfig.DEFAULTS))
                .isEqualTo(new Recorder.Limits(180, 5, -45));
    }

    @Test
    void stopAndDetachCommitOnce() throws Exception {
        Recorder r = Recorder.start(dir.resolve("x.wav"), new Recorder.Limits(60, 5, -45), Runnable::run,
                results::add);
        r.accept(loud(), FrameKind.PLAYED);
        r.stop();
        r.accept(loud(), FrameKind.PLAYED); // the tick that sees the stop writes nothing more
        r.detached();
        r.accept(loud(), FrameKind.PLAYED);
        assertThat(results).hasSize(1);
        assertThat(results.get(0).reason()).isEqualTo(Recorder.Reason.STOPPED);
        assertThat(WavReader.read(results.get(0).file()).samples()).hasSize(160);

        Recorder closed = Recorder.start(dir.resolve("y.wav"), new Recorder.Limits(60, 5, -45), Runnable::run,
                results::add);
        closed.accept(loud(), FrameKind.PLAYED);
        closed.detached(); // the session closed under it
        assertThat(results.get(1).reason()).isEqualTo(Recorder.Reason.STOPPED);
        assertThat(Files.exists(dir.resolve("y.wav"))).isTrue();
    }
}
