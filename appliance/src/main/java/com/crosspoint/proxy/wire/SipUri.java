package com.crosspoint.proxy.wire;

/**
 * A sip: or sips: URI read in place (RFC 3261 §19.1.1, §25.1), just far enough to route on it:
 * host, port, the {@code transport}, {@code lr} and {@code maddr} parameters, and whether it has
 * headers. Userinfo may contain ';' and escaped octets (RFC 4475 §3.1.1.9); '@' cannot appear
 * unescaped after it, so the last '@' ends it. The object is reused; {@link #parse} overwrites it.
 * <pre>
 * SIP-URI   =  "sip:" [ userinfo ] hostport uri-parameters [ headers ]
 * hostport  =  host [ ":" port ]
 * </pre>
 */
public final class SipUri {
    private byte[] buf;
    private boolean secure;
    private int hostStart;
    private int hostEnd;
    private int port;
    private int transportStart;
    private int transportEnd;
    private boolean looseRoute;
    private int maddrStart;
    private int maddrEnd;
    private boolean headers;

    /** @return false when {@code [start, end)} is not a well-formed sip/sips URI */
    public boolean parse(byte[] b, int start, int end) {
        buf = b;
        port = -1;
        transportStart = transportEnd = maddrStart = maddrEnd = -1;
        looseRoute = false;
        headers = false;
        int i;
        if (Ascii.startsWithIgnoreCase(b, start, end, "sip:")) {
            secure = false;
            i = start + 4;
        } else if (Ascii.startsWithIgnoreCase(b, start, end, "sips:")) {
            secure = true;
            i = start + 5;
        } else {
            return false;
        }
        int at = -1;
        for (int j = i; j < end; j++) {
            if (b[j] == '@') {
                at = j;
            } else if (Ascii.isLws(b[j]) || b[j] == '<' || b[j] == '>') {
                return false;
            }
        }
        i = at >= 0 ? at + 1 : i;
        i = host(b, i, end);
        return i >= 0 && params(b, i, end);
    }

    private int host(byte[] b, int i, int end) {
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
        if (i < end && b[i] == ':') {
            int p = i + 1;
            while (i + 1 < end && b[i + 1] >= '0' && b[i + 1] <= '9') {
                i++;
            }
            long value = Ascii.parseUnsigned(b, p, i + 1, 65535);
            if (value < 1) {
                return -1;
            }
            port = (int) value;
            i++;
        }
        return i;
    }

    private boolean params(byte[] b, int i, int end) {
        while (i < end && b[i] == ';') {
            int ns = i + 1;
            int ne = ns;
            while (ne < end && b[ne] != '=' && b[ne] != ';' && b[ne] != '?') {
                ne++;
            }
            int vs = -1;
            int ve = ne;
            if (ne < end && b[ne] == '=') {
                vs = ne + 1;
                ve = vs;
                while (ve < end && b[ve] != ';' && b[ve] != '?') {
                    ve++;
                }
            }
            if (ne == ns) {
                return false;
            }
            if (Ascii.equalsIgnoreCase(b, ns, ne, "lr")) {
                looseRoute = true;
            } else if (vs >= 0 && Ascii.equalsIgnoreCase(b, ns, ne, "transport")) {
                transportStart = vs;
                transportEnd = ve;
            } else if (vs >= 0 && Ascii.equalsIgnoreCase(b, ns, ne, "maddr")) {
                maddrStart = vs;
                maddrEnd = ve;
            }
            i = ve;
        }
        if (i < end && b[i] == '?') {
            headers = true;
            return true;
        }
        return i == end;
    }

    public boolean secure() {
        return secure;
    }

    public int hostStart() {
        return hostStart;
    }

    public int hostEnd() {
        return hostEnd;
    }

    public String host() {
        return Ascii.string(buf, hostStart, hostEnd);
    }

    /** The explicit port, or -1. */
    public int port() {
        return port;
    }

    /** The port to send to: the explicit one or the scheme's default (RFC 3263 §4.2 without DNS). */
    public int portOrDefault() {
        return port > 0 ? port : secure ? 5061 : 5060;
    }

    /** Whether the {@code transport} parameter equals the lower-case name; false when absent. */
    public boolean transportIs(String lower) {
        return transportStart >= 0 && Ascii.equalsIgnoreCase(buf, transportStart, transportEnd, lower);
    }

    public boolean hasTransport() {
        return transportStart >= 0;
    }

    /** The {@code lr} parameter: the element is a loose router (§19.1.1). */
    public boolean looseRoute() {
        return looseRoute;
    }

    public boolean hasMaddr() {
        return maddrStart >= 0;
    }

    /** Whether the URI carries headers ({@code ?name=value}). */
    public boolean hasHeaders() {
        return headers;
    }
}
