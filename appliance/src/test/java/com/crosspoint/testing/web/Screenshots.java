package com.crosspoint.testing.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PNG screenshots for the documentation: saved only when the system property {@value #PROPERTY} names a
 * directory (bin/screenshots sets it to docs/images); without it nothing is written. Never an assertion.
 */
public final class Screenshots {
    public static final String PROPERTY = "crosspoint.screenshots";

    private Screenshots() {
    }

    public static boolean enabled() {
        String dir = System.getProperty(PROPERTY);
        return dir != null && !dir.isBlank();
    }

    /** Saves the browser's viewport as {@code name} (e.g. {@code web-login.png}) when screenshots are enabled. */
    public static void save(Browser browser, String name) {
        if (!enabled()) {
            return;
        }
        Path dir = Path.of(System.getProperty(PROPERTY));
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), browser.screenshot());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write screenshot " + name + " to " + dir, e);
        }
    }
}
