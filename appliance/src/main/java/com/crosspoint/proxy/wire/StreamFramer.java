package com.crosspoint.proxy.wire;

/**
 * Cuts messages out of a byte stream (TCP, later TLS) by Content-Length, which a stream message
 * must carry (RFC 3261 §18.3). Pure: it only looks at the bytes it is given and says how long the
 * first message is, that more bytes are needed, or that the stream cannot be framed, after which the
 * connection has to be closed ("the framing error is unrecoverable", RFC 4475 §3.1.2.3).
 */
public final class StreamFramer {
    /** More bytes are needed. */
    public static final int NEED_MORE = -1;
    /** Unframeable: no or a bad Content-Length, or longer than allowed. */
    public static final int BROKEN = -2;

    private final int maxMessageBytes;

    public StreamFramer(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Number of CRLF octets at {@code offset} (RFC 5626 keep-alives and §7.5's leading CRLFs), to be skipped. */
    public static int leadingCrlf(byte[] b, int offset, int length) {
        int i = offset;
        while (i + 1 < offset + length && b[i] == '\r' && b[i + 1] == '\n') {
            i += 2;
        }
        return i - offset;
    }

    /**
     * @return the length of the message starting at {@code offset}, {@link #NEED_MORE} or {@link #BROKEN}
     */
    public int frame(byte[] b, int offset, int length) {
        int end = offset + length;
        int headerEnd = -1;
        for (int i = offset; i + 3 < end; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                headerEnd = i + 2;
                break;
            }
        }
        if (headerEnd < 0) {
            return length >= maxMessageBytes ? BROKEN : NEED_MORE;
        }
        long contentLength = contentLength(b, offset, headerEnd);
        if (contentLength < 0) {
            return BROKEN;
        }
        long total = headerEnd + 2 - offset + contentLength;
        if (total > maxMessageBytes) {
            return BROKEN;
        }
        return total <= length ? (int) total : NEED_MORE;
    }

    /** The one Content-Length (or {@code l}) value among the header lines, or -1 when absent, repeated or bad. */
    private static long contentLength(byte[] b, int start, int headerEnd) {
        long found = -1;
        int count = 0;
        int line = start;
        while (line < headerEnd) {
            int eol = line;
            while (eol < headerEnd && b[eol] != '\r') {
                eol++;
            }
            int nameEnd = Ascii.tokenEnd(b, line, eol);
            if (nameEnd > line && HeaderName.identify(b, line, nameEnd) == HeaderName.CONTENT_LENGTH) {
                int colon = nameEnd;
                while (colon < eol && Ascii.isWsp(b[colon])) {
                    colon++;
                }
                if (colon < eol && b[colon] == ':') {
                    int vs = Ascii.skipLws(b, colon + 1, eol);
                    found = Ascii.parseUnsigned(b, vs, Ascii.trimEnd(b, vs, eol), 99_999_999);
                    count++;
                }
            }
            line = eol + 2;
        }
        return count == 1 ? found : -1;
    }
}
