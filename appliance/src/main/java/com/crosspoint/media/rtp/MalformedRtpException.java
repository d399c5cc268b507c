package com.crosspoint.media.rtp;

import java.util.Objects;

/** An RTP packet that does not follow RFC 3550 §5.1; thrown by {@link RtpPacket#parse}, never anything unchecked. */
public final class MalformedRtpException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the bytes were rejected; one constant per check in the parser. */
    public enum Reason {
        TOO_SHORT,
        BAD_VERSION,
        CSRC_BEYOND_LENGTH,
        EXTENSION_BEYOND_LENGTH,
        INVALID_PADDING
    }

    private final Reason reason;

    public MalformedRtpException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
