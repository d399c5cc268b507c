package com.crosspoint.installer;

import com.crosspoint.testing.HarnessFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/** The .deb files this build made, found in the module's target directory. */
final class Packages {
    private Packages() {
    }

    /** The build directory the failsafe configuration names ({@code crosspoint.deb.dir}). */
    static Path buildDir() {
        return Path.of(System.getProperty("crosspoint.deb.dir", "target")).toAbsolutePath();
    }

    static Path appliance() {
        return newest("crosspoint_");
    }

    static Path console() {
        return newest("crosspoint-console_");
    }

    private static Path newest(String prefix) {
        try (Stream<Path> files = Files.list(buildDir())) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> p.getFileName().toString().endsWith("_all.deb"))
                    .max(Comparator.comparing(Packages::modified))
                    .orElseThrow(() -> new IllegalStateException("no " + prefix + "*_all.deb in " + buildDir()
                            + ": run through `mvn verify` (package builds it)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Version field of a package. */
    static String version(Path deb) {
        return DebianRoot.host(Duration.ofSeconds(30), "dpkg-deb", "--field", deb.toString(), "Version").strip();
    }

    /**
     * The same package as the next build would make it, with {@code suffix} appended to the version:
     * unpacked with dpkg-deb and packed again, everything else as it was.
     */
    static Path newerBuild(Path deb, String suffix) {
        Path work = HarnessFiles.tempDir("newer-deb");
        Path tree = work.resolve("tree");
        String version = version(deb) + suffix;
        DebianRoot.host(Duration.ofMinutes(1), "dpkg-deb", "--raw-extract", deb.toString(), tree.toString());
        try {
            Path control = tree.resolve("DEBIAN/control");
            Files.writeString(control, Files.readString(control).replaceFirst("(?m)^Version: .*$", "Version: " + version));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path out = work.resolve("crosspoint_" + version + "_all.deb");
        DebianRoot.host(Duration.ofMinutes(2), "dpkg-deb", "--build", "-Zgzip", "-z1", "--root-owner-group", tree.toString(), out.toString());
        return out;
    }
}
