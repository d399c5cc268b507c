package com.crosspoint.testing;

import com.crosspoint.media.wav.WavWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What the voicemail service keeps on disk under an appliance's data directory. */
public final class VoicemailFiles {
    private VoicemailFiles() {
    }

    /** Recordings still being written (their temporary files), under {@code dataDir/voicemail}. */
    public static List<Path> inProgress(Path dataDir) {
        Path root = dataDir.resolve("voicemail");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(WavWriter::isTemporary).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
