package com.crosspoint.proxy.wire;

/**
 * A header field the scanner does not index ({@link HeaderName#OTHER}), looked up by name when a caller needs one,
 * such as the media statistics a user agent puts on its BYE. Only on the rare messages that need it: it walks the
 * header table and compares names.
 */
public final class ExtensionHeader {
    private final String lowerName;

    /** @param name the field name, matched case-insensitively (no compact form) */
    public ExtensionHeader(String name) {
        this.lowerName = name.toLowerCase(java.util.Locale.ROOT);
    }

    /** The first such field's value (a folded value as it stands), or null when {@code m} has none. */
    public String value(SipMessage m) {
        byte[] b = m.buffer();
        int others = HeaderName.OTHER.ordinal();
        for (int h = 0; h < m.headerCount(); h++) {
            if (m.name(h).ordinal() == others && named(b, m.lineStart(h), m.valueStart(h))) {
                return Ascii.string(b, m.valueStart(h), m.valueEnd(h));
            }
        }
        return null;
    }

    /** Whether the line starting at {@code start} names this field: the name, optional blanks, a colon. */
    private boolean named(byte[] b, int start, int valueStart) {
        int end = start + lowerName.length();
        if (end > valueStart || !Ascii.equalsIgnoreCase(b, start, end, lowerName)) {
            return false;
        }
        int i = end;
        while (i < valueStart && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i < valueStart && b[i] == ':';
    }
}
