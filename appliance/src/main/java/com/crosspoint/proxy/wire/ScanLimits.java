package com.crosspoint.proxy.wire;

/**
 * How big a message the scanner takes. Beyond either limit a message is refused before any header
 * is interpreted ("header bombs": thousands of tiny fields).
 *
 * @param maxMessageBytes a whole message, start line to body end
 * @param maxHeaders      header fields (RFC 4475 §3.1.1.7's long request has 47)
 */
public record ScanLimits(int maxMessageBytes, int maxHeaders) {
    /** 64 KiB covers the largest UDP datagram; 128 fields is far beyond any real call. */
    public static final ScanLimits DEFAULT = new ScanLimits(65_535, 128);

    public ScanLimits {
        if (maxMessageBytes < 256 || maxHeaders < 8) {
            throw new IllegalArgumentException("limits too small: " + maxMessageBytes + " bytes, " + maxHeaders + " headers");
        }
    }
}
