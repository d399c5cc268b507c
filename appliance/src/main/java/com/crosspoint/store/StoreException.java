package com.crosspoint.store;

/** The database failed; the operation did not commit. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
