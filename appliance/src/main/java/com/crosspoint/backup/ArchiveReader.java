package com.crosspoint.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a backup archive and proves it whole: every file's size and SHA-256 equal the manifest's,
 * no file is missing, none is extra, none is named twice, none would land outside the target.
 * {@link #verify} only reads; {@link #extract} also writes the files into a new directory.
 */
public final class ArchiveReader {
    private static final int MANIFEST_LIMIT = 64 * 1024 * 1024;

    private ArchiveReader() {
    }

    /** Checks {@code archive} without writing anything. */
    public static BackupManifest verify(Path archive) {
        return read(archive, null);
    }

    /**
     * Extracts {@code archive} into {@code target}, which must not exist yet.
     *
     * @throws BackupException when the archive is not a complete, intact backup (the partly
     *                         written {@code target} is left for the caller to remove)
     */
    public static BackupManifest extract(Path archive, Path target) {
        try {
            Files.createDirectory(target);
        } catch (IOException e) {
            throw new BackupException("cannot create " + target + ": " + e.getMessage(), e);
        }
        return read(archive, target);
    }

    private static BackupManifest read(Path archive, Path target) {
        Map<String, BackupManifest.Entry> found = new HashMap<>();
        BackupManifest manifest = null;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (name.equals(BackupManifest.NAME)) {
                    if (manifest != null) {
                        throw new BackupException(archive + ": two manifests");
                    }
                    manifest = BackupManifest.fromJson(zip.readNBytes(MANIFEST_LIMIT));
                    continue;
                }
                if (entry.isDirectory()) {
                    throw new BackupException(archive + ": unexpected directory entry " + name);
                }
                ArchivePath.check(name);
                if (found.containsKey(name)) {
                    throw new BackupException(archive + ": " + name + " is in the archive twice");
                }
                found.put(name, copy(zip, name, target, buffer));
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new BackupException(archive + " is not a complete backup archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackupException("cannot read " + archive + ": " + e.getMessage(), e);
        }
        if (manifest == null) {
            throw new BackupException(archive + " has no " + BackupManifest.NAME
                    + ": not a Crosspoint backup, or cut short");
        }
        compare(archive, manifest, found);
        return manifest;
    }

    private static BackupManifest.Entry copy(InputStream in, String name, Path target, byte[] buffer)
            throws IOException {
        Sha256 sum = new Sha256();
        OutputStream out = OutputStream.nullOutputStream();
        if (target != null) {
            Path file = ArchivePath.resolve(target, name);
            Files.createDirectories(file.getParent());
            out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
        }
        try (OutputStream o = out) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                o.write(buffer, 0, n);
                sum.update(buffer, n);
            }
        }
        return new BackupManifest.Entry(name, sum.size(), sum.hex());
    }

    private static void compare(Path archive, BackupManifest manifest, Map<String, BackupManifest.Entry> found) {
        if (manifest.format() != BackupManifest.FORMAT) {
            throw new BackupException(archive + ": archive format " + manifest.format() + ", this version reads "
                    + BackupManifest.FORMAT);
        }
        Map<String, BackupManifest.Entry> listed = new HashMap<>();
        for (BackupManifest.Entry e : manifest.entries()) {
            listed.put(e.path(), e);
        }
        for (BackupManifest.Entry expected : manifest.entries()) {
            BackupManifest.Entry actual = found.get(expected.path());
            if (actual == null) {
                throw new BackupException(archive + ": " + expected.path() + " is listed in the manifest but missing");
            }
            if (actual.size() != expected.size() || !actual.sha256().equals(expected.sha256())) {
                throw new BackupException(archive + ": checksum mismatch for " + expected.path() + " (manifest "
                        + expected.sha256() + ", " + expected.size() + " bytes; archive " + actual.sha256() + ", "
                        + actual.size() + " bytes)");
            }
        }
        for (String name : found.keySet()) {
            if (!listed.containsKey(name)) {
                throw new BackupException(archive + ": " + name + " is not listed in the manifest");
            }
        }
        if (manifest.count("db/") == 0) {
            throw new BackupException(archive + " holds no database (db/)");
        }
    }
}
