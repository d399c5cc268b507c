package com.crosspoint.media.engine;

/** No session could be opened: every port pair is in use, or the engine is closed. The SIP layer answers 503. */
public final class MediaUnavailableException extends Exception {
    public enum Reason { PORTS_EXHAUSTED, CLOSED, SOCKET_FAILED }

    private final Reason reason;

    public MediaUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public MediaUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
