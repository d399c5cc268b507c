package com.crosspoint.proxy.wire;

/**
 * The header fields a proxy looks at, with their compact forms (RFC 3261 §7.3.3, §20). Every
 * other field is {@link #OTHER} and is copied through untouched.
 */
public enum HeaderName {
    VIA("via", 'v', false),
    ROUTE("route", 0, false),
    RECORD_ROUTE("record-route", 0, false),
    MAX_FORWARDS("max-forwards", 0, true),
    CALL_ID("call-id", 'i', true),
    CSEQ("cseq", 0, true),
    FROM("from", 'f', true),
    TO("to", 't', true),
    CONTENT_LENGTH("content-length", 'l', true),
    CONTACT("contact", 'm', false),
    PROXY_REQUIRE("proxy-require", 0, false),
    PROXY_AUTHORIZATION("proxy-authorization", 0, false),
    OTHER("", 0, false);

    private static final HeaderName[] VALUES = values();
    private static final HeaderName[] BY_COMPACT = new HeaderName[128];

    static {
        for (HeaderName h : VALUES) {
            if (h.compact != 0) {
                BY_COMPACT[h.compact] = h;
            }
        }
    }

    private final String lower;
    private final int compact;
    private final boolean single;

    HeaderName(String lower, int compact, boolean single) {
        this.lower = lower;
        this.compact = compact;
        this.single = single;
    }

    /** Fields that may appear at most once in a message (RFC 4475 §3.3.8, §3.3.9). */
    public boolean single() {
        return single;
    }

    public static int count() {
        return VALUES.length;
    }

    /** The constant with this ordinal, without the copy {@code values()} makes on every call. */
    public static HeaderName byOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /** Identifies the field name in {@code [start, end)}, case-insensitively, without allocating. */
    public static HeaderName identify(byte[] b, int start, int end) {
        int len = end - start;
        if (len == 1) {
            int c = b[start] | 0x20;
            HeaderName h = c < 128 ? BY_COMPACT[c] : null;
            return h == null ? OTHER : h;
        }
        for (int i = 0; i < VALUES.length - 1; i++) {
            HeaderName h = VALUES[i];
            if (h.lower.length() == len && Ascii.equalsIgnoreCase(b, start, end, h.lower)) {
                return h;
            }
        }
        return OTHER;
    }
}
