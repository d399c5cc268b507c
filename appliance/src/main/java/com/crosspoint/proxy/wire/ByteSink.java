package com.crosspoint.proxy.wire;

import java.util.Arrays;

/** A growable byte buffer that messages are written into; reused per thread, so writing allocates nothing once warm. */
public final class ByteSink {
    private byte[] buf;
    private int length;

    public ByteSink(int initialCapacity) {
        buf = new byte[initialCapacity];
    }

    public ByteSink reset() {
        length = 0;
        return this;
    }

    public byte[] array() {
        return buf;
    }

    public int length() {
        return length;
    }

    /** A copy of what was written, for state that outlives the message. */
    public byte[] toArray() {
        return Arrays.copyOf(buf, length);
    }

    public ByteSink append(byte b) {
        ensure(1);
        buf[length++] = b;
        return this;
    }

    public ByteSink append(byte[] b) {
        return append(b, 0, b.length);
    }

    /** Appends {@code [start, end)} of {@code b}. */
    public ByteSink append(byte[] b, int start, int end) {
        int n = end - start;
        ensure(n);
        System.arraycopy(b, start, buf, length, n);
        length += n;
        return this;
    }

    /** Appends an ASCII string (one byte per char). */
    public ByteSink append(String ascii) {
        int n = ascii.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[length++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    public ByteSink appendInt(long value) {
        if (value < 0) {
            append((byte) '-');
            value = -value;
        }
        if (value >= 10) {
            appendInt(value / 10);
        }
        return append((byte) ('0' + value % 10));
    }

    public ByteSink crlf() {
        ensure(2);
        buf[length++] = '\r';
        buf[length++] = '\n';
        return this;
    }

    private void ensure(int n) {
        if (length + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + n));
        }
    }

    @Override
    public String toString() {
        return Ascii.string(buf, 0, length);
    }
}
