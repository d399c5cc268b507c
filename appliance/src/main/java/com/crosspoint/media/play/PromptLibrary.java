package com.crosspoint.media.play;

import com.crosspoint.media.wav.WavAudio;
import com.crosspoint.media.wav.WavReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Voice prompts by name ({@code "goodbye"} → {@code goodbye.wav}), read once and kept in memory: first from an
 * override directory (an operator's own recordings, {@code DATA_DIR/prompts/en/}), then from the classpath
 * ({@code prompts/en/}). Thread-safe. The samples returned are shared: players only read them.
 */
public final class PromptLibrary {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final Path overrideDirectory;
    private final String classpathPrefix;
    private final ConcurrentHashMap<String, short[]> cache = new ConcurrentHashMap<>();

    /**
     * @param overrideDirectory looked in first; may be null or missing
     * @param classpathPrefix   e.g. {@code prompts/en/}
     */
    public PromptLibrary(Path overrideDirectory, String classpathPrefix) {
        this.overrideDirectory = overrideDirectory;
        this.classpathPrefix = Objects.requireNonNull(classpathPrefix, "classpathPrefix");
    }

    /** English prompts: {@code dataDir/prompts/en/}, then the built-in ones. */
    public static PromptLibrary english(Path dataDir) {
        return new PromptLibrary(dataDir == null ? null : dataDir.resolve("prompts").resolve("en"), "prompts/en/");
    }

    /** Music on hold: {@code dataDir/prompts/moh/}, then the built-in {@code default}. */
    public static PromptLibrary musicOnHold(Path dataDir) {
        return new PromptLibrary(dataDir == null ? null : dataDir.resolve("prompts").resolve("moh"), "prompts/moh/");
    }

    /**
     * The samples of a prompt (8 kHz mono 16-bit).
     *
     * @throws NoSuchFileException when neither place has it; IOException when it is not a usable WAV file
     */
    public short[] samples(String name) throws IOException {
        short[] cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a prompt name: " + name);
        }
        short[] loaded = load(name);
        short[] raced = cache.putIfAbsent(name, loaded);
        return raced != null ? raced : loaded;
    }

    private short[] load(String name) throws IOException {
        String file = name + ".wav";
        if (overrideDirectory != null) {
            Path candidate = overrideDirectory.resolve(file);
            if (Files.isRegularFile(candidate)) {
                return checked(WavReader.read(candidate), candidate.toString());
            }
        }
        ClassLoader loader = PromptLibrary.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(classpathPrefix + file)) {
            if (in == null) {
                throw new NoSuchFileException(classpathPrefix + file, null, "no such prompt");
            }
            return checked(WavReader.read(in.readAllBytes()), classpathPrefix + file);
        }
    }

    private static short[] checked(WavAudio audio, String where) throws IOException {
        if (audio.format().sampleRate() != 8000) {
            throw new IOException(where + ": prompts must be 8 kHz, not " + audio.format().sampleRate() + " Hz");
        }
        return audio.samples();
    }

    /** Whether a usable prompt of that name exists (it is loaded, and kept, to find out). */
    public boolean exists(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return false;
        }
        try {
            samples(name);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Prompts held in memory. */
    public int cached() {
        return cache.size();
    }
}
