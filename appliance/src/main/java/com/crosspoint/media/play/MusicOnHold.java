package com.crosspoint.media.play;

import com.crosspoint.media.engine.AudioSource;
import com.crosspoint.media.wav.WavAudio;
import com.crosspoint.media.wav.WavReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The music a held party hears: read once at start, then each held call gets its own {@link LoopPlayer} over the
 * shared samples. Where it comes from, first match wins: the configured file ({@code media.musicOnHold}), the
 * operator's {@code DATA_DIR/prompts/moh/default.wav}, the built-in {@code prompts/moh/default.wav}.
 *
 * @param samples 8 kHz mono samples, never empty
 * @param origin  where they were read from, for logs
 */
public record MusicOnHold(short[] samples, String origin) {

    public MusicOnHold {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(origin, "origin");
        if (samples.length == 0) {
            throw new IllegalArgumentException("music on hold without samples: " + origin);
        }
    }

    /**
     * Loads the music; an unusable file is an error rather than silence on hold, so a bad override shows at start.
     *
     * @param configured the {@code media.musicOnHold} file, if set
     * @param dataDir    the data directory (its {@code prompts/moh/} may hold an override); may be null
     * @throws IOException naming the file when it is missing, not 8 kHz mono, or empty
     */
    public static MusicOnHold load(Optional<Path> configured, Path dataDir) throws IOException {
        if (configured.isPresent()) {
            Path file = configured.get();
            WavAudio audio = WavReader.read(file);
            return checked(audio.samples(), file.toString());
        }
        PromptLibrary library = PromptLibrary.musicOnHold(dataDir);
        Path override = dataDir == null ? null : dataDir.resolve("prompts").resolve("moh").resolve("default.wav");
        String origin = override != null && java.nio.file.Files.isRegularFile(override) ? override.toString()
                : "built-in prompts/moh/default.wav";
        try {
            return checked(library.samples("default"), origin);
        } catch (IOException e) {
            throw new IOException(origin + ": " + e.getMessage(), e);
        }
    }

    private static MusicOnHold checked(short[] samples, String origin) throws IOException {
        if (samples.length == 0) {
            throw new IOException(origin + ": holds no audio");
        }
        return new MusicOnHold(samples, origin);
    }

    /** A new player looping the music from its start. */
    public AudioSource player() {
        return new LoopPlayer(samples);
    }

    /** Playing time of one loop, in milliseconds. */
    public long durationMillis() {
        return samples.length / 8L;
    }
}
