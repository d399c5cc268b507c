package com.crosspoint.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class NetstringTest {

    @Test
    void encodesLengthInBytesNotChars() {
        assertThat(new String(Netstring.encode("{\"a\":\"ü\"}"), StandardCharsets.UTF_8))
                .isEqualTo("10:{\"a\":\"ü\"},");
    }

    @Test
    void readsConsecutiveFramesAndCleanEnd() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(Netstring.encode("{\"event\":true}"));
        stream.writeBytes(Netstring.encode(""));
        stream.writeBytes(Netstring.encode("ü,:"));
        ByteArrayInputStream in = new ByteArrayInputStream(stream.toByteArray());

        assertThat(Netstring.read(in)).isEqualTo("{\"event\":true}");
        assertThat(Netstring.read(in)).isEmpty();
        assertThat(Netstring.read(in)).isEqualTo("ü,:");
        assertThat(Netstring.read(in)).isNull();
    }

    @Test
    void rejectsTruncatedAndMalformedFrames() {
        assertThatThrownBy(() -> Netstring.read(input("5:abc"))).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> Netstring.read(input("3:abc;"))).isInstanceOf(IOException.class)
                .hasMessageContaining("not terminated");
        assertThatThrownBy(() -> Netstring.read(input("x:abc,"))).isInstanceOf(IOException.class)
                .hasMessageContaining("length");
        assertThatThrownBy(() -> Netstring.read(input(":abc,"))).isInstanceOf(IOException.class);
    }

    private static ByteArrayInputStream input(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
