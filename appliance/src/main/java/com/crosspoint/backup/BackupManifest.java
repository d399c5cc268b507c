package com.crosspoint.backup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code manifest.json}, the last entry of a backup archive: what the archive holds, file by file,
 * with each file's size and SHA-256, so that a restore can prove it has every byte before it
 * replaces a data directory.
 *
 * @param format  archive layout version ({@link #FORMAT}); a restore refuses other versions
 * @param created when the backup was taken
 * @param node    {@code node.name} of the appliance that took it
 * @param entries every file of the archive but the manifest, by its path in the data directory
 */
public record BackupManifest(int format, Instant created, String node, List<Entry> entries) {
    /** The manifest's own name in the archive. */
    public static final String NAME = "manifest.json";
    /** Layout 1: data-directory paths, {@code db/} from Derby's online backup, then the manifest. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @param path   relative path inside the data directory, '/'-separated
     * @param size   bytes
     * @param sha256 lower-case hex digest of the content
     */
    public record Entry(String path, long size, String sha256) {
        public Entry {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    public BackupManifest {
        Objects.requireNonNull(created, "created");
        entries = List.copyOf(entries);
    }

    /** Bytes of all files. */
    public long totalBytes() {
        return entries.stream().mapToLong(Entry::size).sum();
    }

    /** Files whose path starts with {@code prefix} ("voicemail/", "db/"). */
    public long count(String prefix) {
        return entries.stream().filter(e -> e.path().startsWith(prefix)).count();
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("manifest not serializable", e);
        }
    }

    static BackupManifest fromJson(byte[] json) {
        try {
            return JSON.readValue(json, BackupManifest.class);
        } catch (IOException | RuntimeException e) {
            throw new BackupException("manifest.json is not readable: " + e.getMessage(), e);
        }
    }
}
