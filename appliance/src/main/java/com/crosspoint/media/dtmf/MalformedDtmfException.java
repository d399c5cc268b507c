package com.crosspoint.media.dtmf;

import java.util.Objects;

/** A telephone-event payload or SIP INFO DTMF body that cannot be read. */
public final class MalformedDtmfException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the input was rejected. */
    public enum Reason {
        /** a telephone-event payload under 4 bytes */
        TOO_SHORT,
        /** an INFO body without a signal */
        NO_SIGNAL,
        /** a signal that is not 0-9, *, #, A-D */
        UNKNOWN_SIGNAL,
        /** a Duration that is not a non-negative integer */
        BAD_DURATION
    }

    private final Reason reason;

    public MalformedDtmfException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
