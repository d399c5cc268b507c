package com.crosspoint.store;

/** A unique value (domain, extension, SIP username, admin name) is already taken. */
public class DuplicateKeyException extends StoreException {
    private final String field;

    public DuplicateKeyException(String field, String message) {
        super(message, null);
        this.field = field;
    }

    /** The API field whose value collided, e.g. {@code extension}. */
    public String field() {
        return field;
    }
}
