package com.crosspoint.media.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One SDES item (RFC 3550 §6.5): a type and a UTF-8 text of at most 255 bytes. Types other than
 * CNAME are kept as they came; PRIV (8) is kept as text too, its prefix not split out.
 */
public record SdesItem(int type, String text) {
    public static final int CNAME = 1;
    public static final int NAME = 2;
    public static final int EMAIL = 3;
    public static final int PHONE = 4;
    public static final int LOC = 5;
    public static final int TOOL = 6;
    public static final int NOTE = 7;
    public static final int PRIV = 8;

    public SdesItem {
        if (type < 1 || type > 0xFF) {
            throw new IllegalArgumentException("SDES item type must be 1..255 (0 ends the list): " + type);
        }
        Objects.requireNonNull(text, "text");
        if (text.getBytes(StandardCharsets.UTF_8).length > 0xFF) {
            throw new IllegalArgumentException("SDES text over 255 bytes");
        }
    }

    public static SdesItem cname(String cname) {
        return new SdesItem(CNAME, cname);
    }
}
