package com.crosspoint.media.rtcp;

import java.util.Objects;

/** RTCP bytes that do not follow RFC 3550 §6; the only exception the RTCP parser lets out. */
public final class MalformedRtcpException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the bytes were rejected; one constant per check in the parser. */
    public enum Reason {
        EMPTY,
        TOO_SHORT,
        BAD_VERSION,
        LENGTH_BEYOND_BUFFER,
        COUNT_BEYOND_LENGTH,
        INVALID_PADDING,
        BAD_SDES_ITEM,
        BAD_BYE_REASON
    }

    private final Reason reason;

    public MalformedRtcpException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
