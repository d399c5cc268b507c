package com.crosspoint.provisioning;

/** A provisioning request has a bad value; {@code field} names it as the API spells it. */
public class ValidationException extends RuntimeException {
    private final String field;

    public ValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
