package com.crosspoint.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logins in one JSON file of the data directory, readable by the appliance's user only. Each save writes a
 * temporary file, forces it to disk and renames it over the old one, so a crash leaves the old or the new list,
 * never half of one. An unreadable file is set aside and logged: its logins are lost, nothing else is.
 */
final class FileLoginJournal implements LoginJournal {
    private static final Logger LOG = LoggerFactory.getLogger(FileLoginJournal.class);
    private static final TypeReference<List<Entry>> ENTRIES = new TypeReference<>() { };

    private final Path file;
    private final ObjectMapper json;

    FileLoginJournal(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
    }

    @Override
    public List<Entry> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return json.readValue(file.toFile(), ENTRIES);
        } catch (IOException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            LOG.warn("web logins in {} unreadable ({}); moved to {}, everyone signs in again", file, e.getMessage(),
                    aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("could not move {} aside: {}", file, moveFailed.getMessage());
            }
            return List.of();
        }
    }

    @Override
    public synchronized void save(Collection<Entry> logins) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            byte[] bytes = json.writeValueAsBytes(new ArrayList<>(logins));
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                out.write(java.nio.ByteBuffer.wrap(bytes));
                out.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("web logins could not be saved to " + file, e);
        }
    }
}
