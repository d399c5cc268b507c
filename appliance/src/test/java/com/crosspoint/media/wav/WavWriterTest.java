package com.crosspoint.media.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavWriterTest {
    @TempDir
    Path dir;

    @Test
    void nothingUnderTheFinalNameUntilFinishThenACompleteFile() throws Exception {
        Path target = dir.resolve("vm-42.wav");
        short[] frame = new short[160];
        WavWriter writer = WavWriter.create(target);
        Path temporary = writer.temporary();
        assertThat(temporary.getParent()).isEqualTo(target.getParent());
        for (int f = 0; f < 50; f++) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = (short) (f * 160 + i);
            }
            writer.write(frame);
            // what a crash would leave right now: a temporary file and no final file
            assertThat(temporary).exists();
            assertThat(target).doesNotExist();
        }
        assertThat(writer.durationMillis()).isEqualTo(1000);

        assertThat(writer.finish()).isEqualTo(target.toAbsolutePath());

        assertThat(temporary).doesNotExist();
        assertThat(target).exists().hasSize(44 + 50 * 160 * 2);
        WavAudio audio = WavReader.read(target);
        assertThat(audio.truncated()).isFalse();
        assertThat(audio.format()).isEqualTo(WavFormat.TELEPHONE_PCM);
        assertThat(audio.samples()).hasSize(8000);
        for (int i = 0; i < 8000; i++) {
            assertThat(audio.samples()[i]).isEqualTo((short) i);
        }
        assertThat(audio.durationMillis()).isEqualTo(1000);
        assertThat(listing()).containsExactly("vm-42.wav");
    }

    @Test
    void headerIsTheCanonicalFortyFourBytes() throws Exception {
        Path target = dir.resolve("x.wav");
        WavWriter writer = WavWriter.create(target);
        writer.write(new short[] {1, -2, 3}, 1, 2);
        writer.finish();
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(target)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(4)).isEqualTo(36 + 4);
        assertThat(b.getShort(20)).isEqualTo((short) 1);
        assertThat(b.getShort(22)).isEqualTo((short) 1);
        assertThat(b.getInt(24)).isEqualTo(8000);
        assertThat(b.getInt(28)).isEqualTo(16000);
        assertThat(b.getShort(32)).isEqualTo((short) 2);
        assertThat(b.getShort(34)).isEqualTo((short) 16);
        assertThat(b.getInt(40)).isEqualTo(4);
        assertThat(b.getShort(44)).isEqualTo((short) -2);
        assertThat(b.getShort(46)).isEqualTo((short) 3);
    }

    @Test
    void abortLeavesNothingBehind() throws Exception {
        Path target = dir.resolve("gone.wav");
        WavWriter writer = WavWriter.create(target);
        writer.write(new short[160]);
        writer.abort();
        assertThat(writer.temporary()).doesNotExist();
        assertThat(target).doesNotExist();
        assertThat(listing()).isEmpty();
        assertThatThrownBy(() -> writer.write(new short[1])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingWithoutFinishAborts() throws Exception {
        Path target = dir.resolve("unfinished.wav");
        try (WavWriter writer = WavWriter.create(target)) {
            writer.write(new short[320]);
        }
        assertThat(listing()).isEmpty();
    }

    @Test
    void closingAfterFinishKeepsTheFile() throws Exception {
        Path target = dir.resolve("kept.wav");
        try (WavWriter writer = WavWriter.create(target)) {
            writer.write(new short[320]);
            writer.finish();
        }
        assertThat(WavReader.read(target).samples()).hasSize(320);
    }

    @Test
    void aFailedFinishPublishesNothing() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        WavWriter writer = WavWriter.create(sub.resolve("vm.wav"));
        writer.write(new short[160]);
        // the final name is taken by a non-empty directory: the rename must fail
        Files.createDirectory(sub.resolve("vm.wav"));
        Files.writeString(sub.resolve("vm.wav").resolve("occupant"), "x");
        assertThatThrownBy(writer::finish).isInstanceOf(java.io.IOException.class);
        assertThat(writer.temporary()).doesNotExist();
        assertThat(sub.resolve("vm.wav")).isDirectory();
    }

    @Test
    void leftoversOfACrashAreSweptAndFinishedFilesKept() throws Exception {
        WavWriter done = WavWriter.create(dir.resolve("done.wav"));
        done.write(new short[160]);
        done.finish();
        WavWriter crashed = WavWriter.create(dir.resolve("crashed.wav"));
        crashed.write(new short[160]); // never finished: the process "died" here
        Files.writeString(dir.resolve("notes.part.txt"), "not ours");
        assertThat(WavWriter.deleteLeftovers(dir)).isEqualTo(1);
        assertThat(crashed.temporary()).doesNotExist();
        assertThat(listing()).containsExactlyInAnyOrder("done.wav", "notes.part.txt");
    }

    private java.util.List<String> listing() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
