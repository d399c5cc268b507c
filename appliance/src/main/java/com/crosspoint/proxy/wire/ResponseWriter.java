package com.crosspoint.proxy.wire;

import java.nio.charset.StandardCharsets;

/**
 * Writes the responses a proxy sends: a received response forwarded upstream without the proxy's
 * own Via (RFC 3261 §16.7 step 3), and responses the proxy makes itself (100 Trying, errors, 503
 * with Retry-After) from the request they answer (§8.2.6: the Vias, From, To, Call-ID and CSeq
 * copied; a To tag added to anything but 100).
 */
public final class ResponseWriter {

    /** Writes {@code in} without its top Via value into {@code out} (reset first). */
    public void withoutTopVia(SipMessage in, ByteSink out) {
        withoutTopVia(in, null, out);
    }

    /**
     * Writes {@code in} without its top Via value into {@code out} (reset first), with {@code addedLine} (a complete
     * header line {@code Name: value\r\n} of a name the proxy owns, or null) instead of any header of that name
     * the response brought: a next hop cannot forge what this proxy states.
     */
    public void withoutTopVia(SipMessage in, String addedLine, ByteSink out) {
        byte[] b = in.buffer();
        out.reset().append(b, in.start(), in.startLineEnd());
        int top = in.topViaHeader();
        String added = addedLine == null ? null : addedLine.substring(0, addedLine.indexOf(':'));
        for (int h = 0; h < in.headerCount(); h++) {
            if (added != null && in.name(h) == HeaderName.OTHER && named(in, h, added)) {
                continue;
            }
            if (h != top) {
                out.append(b, in.lineStart(h), in.lineEnd(h));
            } else if (in.topVia().next() >= 0) {
                int rest = Ascii.skipLws(b, in.topVia().next(), in.valueEnd(h));
                out.append(b, in.lineStart(h), in.valueStart(h)).append(b, rest, in.lineEnd(h));
            }
        }
        if (addedLine != null) {
            out.append(addedLine);
        }
        out.crlf().append(b, in.bodyStart(), in.bodyStart() + in.bodyLength());
    }

    /** Whether header {@code h} is called {@code name} (case-insensitive, RFC 3261 §7.3.1). */
    private static boolean named(SipMessage in, int h, String name) {
        byte[] b = in.buffer();
        int start = in.lineStart(h);
        int end = start;
        while (end < in.valueStart(h) && b[end] != ':' && b[end] != ' ' && b[end] != '\t') {
            end++;
        }
        return new String(b, start, end - start, StandardCharsets.US_ASCII).equalsIgnoreCase(name);
    }

    /**
     * Writes a response to {@code request}.
     *
     * @param toTag      tag to add when the request's To has none and the status is above 100
     * @param extraLines complete header lines ({@code Name: value\r\n}), or null
     */
    public void answer(SipMessage request, int status, String reason, String toTag, String extraLines, ByteSink out) {
        byte[] b = request.buffer();
        out.reset().append("SIP/2.0 ").appendInt(status).append((byte) ' ').append(reason).crlf();
        for (int h = 0; h < request.headerCount(); h++) {
            switch (request.name(h)) {
                case VIA, FROM, CALL_ID, CSEQ -> out.append(b, request.lineStart(h), request.lineEnd(h));
                case TO -> {
                    if (status > 100 && !request.hasToTag() && toTag != null) {
                        out.append(b, request.lineStart(h), request.valueEnd(h)).append(";tag=").append(toTag).crlf();
                    } else {
                        out.append(b, request.lineStart(h), request.lineEnd(h));
                    }
                }
                default -> {
                    // not echoed in a response
                }
            }
        }
        if (extraLines != null) {
            out.append(extraLines);
        }
        out.append("Content-Length: 0\r\n\r\n");
    }
}
