package com.crosspoint.proxy.wire;

/**
 * Writes the request a proxy forwards by copying byte ranges of the received one and inserting or
 * replacing only what {@link RequestEdits} names (RFC 3261 §16.6). Unknown and folded header fields
 * pass through byte for byte, as §16.6 requires ("Proxies forward unknown headers unchanged").
 */
public final class RequestWriter {
    private static final String DEFAULT_MAX_FORWARDS = "Max-Forwards: 70\r\n";

    private final int[] range = new int[2];

    /** Writes the forwarded request into {@code out} (reset first). */
    public void forward(SipMessage in, RequestEdits edits, ByteSink out) {
        byte[] b = in.buffer();
        out.reset();
        if (edits.uriBuf != null) {
            out.append(b, in.methodStart(), in.methodEnd()).append((byte) ' ')
                    .append(edits.uriBuf, edits.uriStart, edits.uriEnd).append(" SIP/2.0\r\n");
        } else {
            out.append(b, in.start(), in.startLineEnd());
        }
        writeVia(edits, out);
        for (int i = 0; i < edits.recordRouteCount; i++) {
            out.append(edits.recordRoutes[i]);
        }
        boolean popping = edits.popFirstRoutes > 0 || edits.popLastRoute;
        int keepTo = !popping ? Integer.MAX_VALUE
                : ListValues.count(in, HeaderName.ROUTE) - (edits.popLastRoute ? 1 : 0);
        int routeIndex = 0;
        for (int h = 0; h < in.headerCount(); h++) {
            switch (in.name(h)) {
                case VIA -> {
                    if (h == in.topViaHeader()) {
                        writeTopVia(in, h, edits, out);
                    } else {
                        out.append(b, in.lineStart(h), in.lineEnd(h));
                    }
                }
                case MAX_FORWARDS -> out.append("Max-Forwards: ").appendInt(Math.max(0, in.maxForwards() - 1)).crlf();
                case ROUTE -> routeIndex = writeRoute(in, h, routeIndex, edits.popFirstRoutes, keepTo, out);
                default -> out.append(b, in.lineStart(h), in.lineEnd(h));
            }
        }
        if (!in.has(HeaderName.MAX_FORWARDS)) {
            out.append(DEFAULT_MAX_FORWARDS); // §16.6 step 3
        }
        out.crlf().append(b, in.bodyStart(), in.bodyStart() + in.bodyLength());
    }

    /** Our Via line: {@code Via: SIP/2.0/UDP host:port;branch=z9hG4bKcx...}. */
    static void writeVia(RequestEdits edits, ByteSink out) {
        out.append("Via: SIP/2.0/").append(edits.viaTransport).append((byte) ' ').append(edits.sentBy).append(";branch=");
        Branches.write(out, edits.loopHash, edits.fork);
        out.crlf();
    }

    /** The received top Via with {@code rport=<port>} filled in and {@code received=} added. */
    private static void writeTopVia(SipMessage in, int h, RequestEdits edits, ByteSink out) {
        byte[] b = in.buffer();
        ViaValue via = in.topVia();
        if (edits.received == null) {
            out.append(b, in.lineStart(h), in.lineEnd(h));
            return;
        }
        out.append(b, in.lineStart(h), via.valueStart());
        if (edits.rport > 0 && via.hasRport() && via.rport() < 0) {
            out.append(b, via.valueStart(), via.rportEnd()).append((byte) '=').appendInt(edits.rport)
                    .append(b, via.rportEnd(), via.valueEnd());
        } else {
            out.append(b, via.valueStart(), via.valueEnd());
        }
        if (!via.hasReceived()) {
            out.append(";received=").append(edits.received);
        }
        out.append(b, via.valueEnd(), in.lineEnd(h));
    }

    /** Writes the Route values of header {@code h} whose global index lies in {@code [keepFrom, keepTo)}. */
    private int writeRoute(SipMessage in, int h, int index, int keepFrom, int keepTo, ByteSink out) {
        byte[] b = in.buffer();
        if (keepFrom == 0 && keepTo == Integer.MAX_VALUE) {
            out.append(b, in.lineStart(h), in.lineEnd(h));
            return index;
        }
        int firstKept = -1;
        int lastKeptEnd = -1;
        int ve = in.valueEnd(h);
        for (int i = in.valueStart(h); i <= ve; ) {
            int comma = ListValues.nextComma(b, i, ve);
            if (index >= keepFrom && index < keepTo) {
                if (firstKept < 0) {
                    firstKept = Ascii.skipLws(b, i, comma);
                }
                lastKeptEnd = Ascii.trimEnd(b, i, comma);
            }
            index++;
            i = comma + 1;
        }
        if (firstKept >= 0) {
            out.append(b, in.lineStart(h), in.valueStart(h)).append(b, firstKept, lastKeptEnd).crlf();
        }
        return index;
    }
}
