package com.crosspoint.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a backup archive to a stream: files first, each digested as it is copied, then
 * {@link BackupManifest#NAME} with the digests. Nothing is buffered beyond one file's block, so an
 * archive of any size streams straight to a socket.
 */
final class ArchiveWriter implements AutoCloseable {
    private final ZipOutputStream zip;
    private final List<BackupManifest.Entry> entries = new ArrayList<>();
    private final byte[] buffer = new byte[64 * 1024];

    ArchiveWriter(OutputStream out) {
        this.zip = new ZipOutputStream(out);
        // WAV audio and Derby pages compress a little; the fastest level is enough
        this.zip.setLevel(1);
    }

    /**
     * Adds every regular file below {@code dir} that {@code skip} does not reject, named by its path
     * relative to {@code root}. A file that disappears meanwhile (a voicemail message deleted
     * during the backup) is left out.
     */
    void addTree(Path root, Path dir, Predicate<Path> skip) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(skip.negate()).sorted().toList();
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                add(ArchivePath.of(root, file), in);
            } catch (NoSuchFileException gone) {
                // deleted between listing and reading: it is no longer part of the data
            }
        }
    }

    void add(String name, InputStream in) throws IOException {
        zip.putNextEntry(new ZipEntry(ArchivePath.check(name)));
        Sha256 sum = new Sha256();
        int n;
        while ((n = in.read(buffer)) > 0) {
            zip.write(buffer, 0, n);
            sum.update(buffer, n);
        }
        zip.closeEntry();
        entries.add(new BackupManifest.Entry(name, sum.size(), sum.hex()));
    }

    /** Writes the manifest and the ZIP directory; the archive is complete when this returns. */
    BackupManifest finish(Instant created, String node) throws IOException {
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, created, node, entries);
        zip.putNextEntry(new ZipEntry(BackupManifest.NAME));
        zip.write(manifest.toJson());
        zip.closeEntry();
        zip.finish();
        zip.flush();
        return manifest;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
