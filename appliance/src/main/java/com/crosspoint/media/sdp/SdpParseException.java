package com.crosspoint.media.sdp;

/** A session description that cannot be read; the message names the offending line (1-based) and its text. */
public final class SdpParseException extends Exception {
    private final int line;
    private final String text;

    public SdpParseException(int line, String text, String problem) {
        super(line > 0 ? "SDP line " + line + " \"" + abbreviate(text) + "\": " + problem : "SDP: " + problem);
        this.line = line;
        this.text = text;
    }

    /** 1-based line number, 0 when the problem is the description as a whole (e.g. no o= line). */
    public int line() {
        return line;
    }

    /** The offending line as received, or "" for a whole-description problem. */
    public String text() {
        return text;
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("[\\p{Cntrl}]", "?");
        return printable.length() > 80 ? printable.substring(0, 77) + "..." : printable;
    }
}
