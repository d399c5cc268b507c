package com.crosspoint.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Netstring framing ({@code LEN:payload,}) as used by baresip's ctrl_tcp module in both directions. */
public final class Netstring {

    private static final int MAX_LENGTH = 10 * 1024 * 1024;

    private Netstring() {
    }

    public static byte[] encode(String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 12);
        out.writeBytes(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
        out.write(':');
        out.writeBytes(body);
        out.write(',');
        return out.toByteArray();
    }

    /**
     * Reads the next frame.
     *
     * @return the payload, or null if the stream ended cleanly before a new frame started
     * @throws IOException on malformed framing or EOF inside a frame
     */
    public static String read(InputStream in) throws IOException {
        int length = 0;
        int digits = 0;
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (digits == 0) {
                    return null;
                }
                throw new EOFException("EOF inside netstring length");
            }
            if (c == ':') {
                break;
            }
            if (c < '0' || c > '9' || ++digits > 9) {
                throw new IOException("malformed netstring length, unexpected byte " + c);
            }
            length = length * 10 + (c - '0');
        }
        if (digits == 0 || length > MAX_LENGTH) {
            throw new IOException("bad netstring length " + length);
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new EOFException("EOF inside netstring body");
        }
        int comma = in.read();
        if (comma != ',') {
            throw new IOException("netstring not terminated by ',' but " + comma);
        }
        return new String(body, StandardCharsets.UTF_8);
    }
}
