package com.crosspoint.proxy.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test vectors from the test classpath, byte for byte. */
final class Vectors {
    private Vectors() {
    }

    static byte[] read(String resource) {
        try (InputStream in = Vectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test vector " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] rfc4475(String file) {
        return read("/vectors/rfc4475/" + file);
    }

    /** A message written with \n line ends, turned into CRLF. */
    static byte[] crlf(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
