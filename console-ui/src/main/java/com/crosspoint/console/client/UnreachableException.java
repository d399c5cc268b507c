package com.crosspoint.console.client;

import java.net.URI;

/** Nothing answered at the appliance's address (refused, timed out, unknown host). */
public final class UnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnreachableException(URI target, Throwable cause) {
        super("no answer from " + target + ": " + describe(cause), cause);
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
