package com.crosspoint.proxy.wire;

/**
 * One Via field value, parsed in place (RFC 3261 §20.42, §25.1):
 * <pre>
 * via-parm        =  sent-protocol LWS sent-by *( SEMI via-params )
 * sent-protocol   =  protocol-name SLASH protocol-version SLASH transport
 * sent-by         =  host [ COLON port ]
 * via-params      =  via-ttl / via-maddr / via-received / via-branch / via-extension
 * </pre>
 * LWS may appear around every separator, including folded line breaks (RFC 4475 §3.1.1.1). The
 * object is reused: {@link #parse} overwrites every field. Positions are indexes into the buffer.
 */
public final class ViaValue {
    private byte[] buf;
    private int valueStart;
    private int valueEnd;
    private int next;
    private int transportStart;
    private int transportEnd;
    private int hostStart;
    private int hostEnd;
    private int port;
    private int branchStart;
    private int branchEnd;
    private int receivedStart;
    private int receivedEnd;
    private int rportStart;
    private int rportEnd;
    private int rport;

    /**
     * Parses the Via value starting at {@code start} up to a top-level comma or {@code end}.
     *
     * @return {@link ScanOutcome#ACCEPTED}, {@link ScanOutcome#VERSION_NOT_SUPPORTED} or {@link ScanOutcome#BAD_VIA}
     */
    public ScanOutcome parse(byte[] b, int start, int end) {
        buf = b;
        port = -1;
        rport = -1;
        branchStart = branchEnd = receivedStart = receivedEnd = rportStart = rportEnd = -1;
        next = -1;
        int i = Ascii.skipLws(b, start, end);
        valueStart = i;
        int t = Ascii.tokenEnd(b, i, end);
        if (!Ascii.equalsIgnoreCase(b, i, t, "sip")) {
            return ScanOutcome.BAD_VIA;
        }
        i = slash(b, t, end);
        if (i < 0) {
            return ScanOutcome.BAD_VIA;
        }
        t = Ascii.tokenEnd(b, i, end);
        if (!Ascii.regionEquals(b, i, t, "2.0")) {
            return t > i ? ScanOutcome.VERSION_NOT_SUPPORTED : ScanOutcome.BAD_VIA;
        }
        i = slash(b, t, end);
        if (i < 0) {
            return ScanOutcome.BAD_VIA;
        }
        transportStart = i;
        transportEnd = Ascii.tokenEnd(b, i, end);
        if (transportEnd == i || transportEnd == end || !Ascii.isLws(b[transportEnd])) {
            return ScanOutcome.BAD_VIA;
        }
        i = sentBy(b, Ascii.skipLws(b, transportEnd, end), end);
        return i < 0 ? ScanOutcome.BAD_VIA : params(b, i, end);
    }

    private static int slash(byte[] b, int i, int end) {
        i = Ascii.skipLws(b, i, end);
        if (i >= end || b[i] != '/') {
            return -1;
        }
        return Ascii.skipLws(b, i + 1, end);
    }

    private int sentBy(byte[] b, int i, int end) {
        hostStart = i;
        if (i < end && b[i] == '[') {
            int close = Ascii.indexOf(b, i, end, (byte) ']');
            if (close < 0) {
                return -1;
            }
            i = close + 1;
        } else {
            while (i < end && (Character.isLetterOrDigit(b[i]) || b[i] == '.' || b[i] == '-')) {
                i++;
            }
        }
        hostEnd = i;
        if (hostEnd == hostStart) {
            return -1;
        }
        int j = Ascii.skipLws(b, i, end);
        if (j < end && b[j] == ':') {
            int p = Ascii.skipLws(b, j + 1, end);
            int pe = p;
            while (pe < end && b[pe] >= '0' && b[pe] <= '9') {
                pe++;
            }
            long value = Ascii.parseUnsigned(b, p, pe, 65535);
            if (value < 1) {
                return -1;
            }
            port = (int) value;
            return pe;
        }
        return i;
    }

    private ScanOutcome params(byte[] b, int i, int end) {
        while (true) {
            int afterValue = i;
            i = Ascii.skipLws(b, i, end);
            if (i >= end || b[i] == ',') {
                valueEnd = afterValue;
                next = i < end ? i + 1 : -1;
                return ScanOutcome.ACCEPTED;
            }
            if (b[i] != ';') {
                return ScanOutcome.BAD_VIA;
            }
            int nameStart = Ascii.skipLws(b, i + 1, end);
            int nameEnd = Ascii.tokenEnd(b, nameStart, end);
            if (nameEnd == nameStart) {
                return ScanOutcome.BAD_VIA; // ";;" or a trailing ';' (RFC 4475 §3.1.2.1)
            }
            i = Ascii.skipLws(b, nameEnd, end);
            int vs = -1;
            int ve = -1;
            if (i < end && b[i] == '=') {
                vs = Ascii.skipLws(b, i + 1, end);
                ve = paramValueEnd(b, vs, end);
                if (ve == vs) {
                    return ScanOutcome.BAD_VIA;
                }
                i = ve;
            } else {
                i = nameEnd;
            }
            if (!recordParam(b, nameStart, nameEnd, vs, ve, i)) {
                return ScanOutcome.BAD_VIA;
            }
        }
    }

    private static int paramValueEnd(byte[] b, int i, int end) {
        if (i < end && b[i] == '"') {
            int close = Ascii.indexOf(b, i + 1, end, (byte) '"');
            return close < 0 ? i : close + 1;
        }
        // token, or an IPv4/IPv6 address (received=2001:db8::1, received=[::1])
        while (i < end && (Ascii.isToken(b[i]) || b[i] == ':' || b[i] == '[' || b[i] == ']')) {
            i++;
        }
        return i;
    }

    private boolean recordParam(byte[] b, int ns, int ne, int vs, int ve, int paramEnd) {
        if (Ascii.equalsIgnoreCase(b, ns, ne, "branch")) {
            branchStart = vs;
            branchEnd = ve;
            return vs >= 0;
        }
        if (Ascii.equalsIgnoreCase(b, ns, ne, "received")) {
            receivedStart = vs;
            receivedEnd = ve;
            return vs >= 0;
        }
        if (Ascii.equalsIgnoreCase(b, ns, ne, "rport")) {
            rportStart = ns;
            rportEnd = paramEnd;
            if (vs >= 0) {
                long v = Ascii.parseUnsigned(b, vs, ve, 65535);
                if (v < 1) {
                    return false;
                }
                rport = (int) v;
            }
        }
        return true;
    }

    /** Start of this value (after leading LWS). */
    public int valueStart() {
        return valueStart;
    }

    /** End of this value (before LWS and the comma that ends it, if any). */
    public int valueEnd() {
        return valueEnd;
    }

    /** Index just after the comma ending this value, or -1 when this was the last value in the field. */
    public int next() {
        return next;
    }

    public boolean transportIs(String lower) {
        return Ascii.equalsIgnoreCase(buf, transportStart, transportEnd, lower);
    }

    public int hostStart() {
        return hostStart;
    }

    public int hostEnd() {
        return hostEnd;
    }

    /** The sent-by port, or -1 when absent. */
    public int port() {
        return port;
    }

    public boolean hasBranch() {
        return branchStart >= 0;
    }

    public int branchStart() {
        return branchStart;
    }

    public int branchEnd() {
        return branchEnd;
    }

    /** Whether the branch carries the RFC 3261 magic cookie and something after it (§8.1.1.7). */
    public boolean hasRfc3261Branch() {
        return branchStart >= 0 && branchEnd - branchStart > Branches.COOKIE.length()
                && Ascii.regionEquals(buf, branchStart, branchStart + Branches.COOKIE.length(), Branches.COOKIE);
    }

    public boolean hasReceived() {
        return receivedStart >= 0;
    }

    public int receivedStart() {
        return receivedStart;
    }

    public int receivedEnd() {
        return receivedEnd;
    }

    /** Whether the client asked for rport (RFC 3581). */
    public boolean hasRport() {
        return rportStart >= 0;
    }

    /** The {@code rport} parameter from its name to the end of its value, for rewriting it. */
    public int rportStart() {
        return rportStart;
    }

    public int rportEnd() {
        return rportEnd;
    }

    /** The rport value, or -1 when the parameter is absent or has no value. */
    public int rport() {
        return rport;
    }

    public String host() {
        return Ascii.string(buf, hostStart, hostEnd);
    }

    public String branch() {
        return branchStart < 0 ? null : Ascii.string(buf, branchStart, branchEnd);
    }
}
