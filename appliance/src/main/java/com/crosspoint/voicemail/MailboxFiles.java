package com.crosspoint.voicemail;

import com.crosspoint.media.wav.WavWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where voicemail lives on disk: {@code <root>/<tenantId>/<userId>/} holds a mailbox's messages
 * ({@code msg-<uuid>.wav}) and greetings ({@code greeting-busy.wav}, {@code greeting-unavailable.wav}).
 * Rows name messages by their path relative to the root, so the data directory can move.
 */
public final class MailboxFiles {
    private static final Logger LOG = LoggerFactory.getLogger(MailboxFiles.class);
    private static final String MESSAGE_PREFIX = "msg-";

    private final Path root;

    public MailboxFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The directory of one mailbox, created when absent. */
    Path mailbox(long tenantId, long userId) {
        Path dir = root.resolve(Long.toString(tenantId)).resolve(Long.toString(userId));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create mailbox directory " + dir, e);
        }
        return dir;
    }

    /** A fresh, unused name for a new message's recording in this mailbox. */
    public Path newMessage(long tenantId, long userId) {
        return mailbox(tenantId, userId).resolve(MESSAGE_PREFIX + UUID.randomUUID() + ".wav");
    }

    public Path greeting(long tenantId, long userId, GreetingKind kind) {
        return mailbox(tenantId, userId).resolve(kind.fileName());
    }

    /** The path a row stores for a file under the root. */
    public String relative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) {
            throw new IllegalArgumentException(file + " is not under the voicemail directory " + root);
        }
        return root.relativize(abs).toString();
    }

    /** The file a row names; empty when the name would leave the root (a tampered row). */
    public Optional<Path> resolve(String relative) {
        Path p = root.resolve(relative).normalize();
        return p.startsWith(root) ? Optional.of(p) : Optional.empty();
    }

    void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", file, e.getMessage());
        }
    }

    /**
     * Start-up sweep: a message file that no row names was recorded by a process that died before
     * committing the row, so the caller was never told it was saved: it goes, as do the temporary
     * files of recordings that never finished. Returns how many files were removed.
     */
    public int sweepOrphans(Collection<String> referenced) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Set<Path> keep = new HashSet<>();
        referenced.forEach(r -> resolve(r).ifPresent(keep::add));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        int removed = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            boolean orphanMessage = name.startsWith(MESSAGE_PREFIX) && name.endsWith(".wav") && !keep.contains(f);
            boolean unfinished = WavWriter.isTemporary(f);
            if (orphanMessage || unfinished) {
                deleteQuietly(f);
                removed++;
            }
        }
        if (removed > 0) {
            LOG.info("voicemail: removed {} recordings that were never committed", removed);
        }
        return removed;
    }
}
