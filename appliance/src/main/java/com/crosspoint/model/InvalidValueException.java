package com.crosspoint.model;

/**
 * A value given from outside (an API body, a CLI argument, an imported file) is not acceptable; {@code field} names
 * it as the API spells it, so the refusal can point at it.
 */
public class InvalidValueException extends IllegalArgumentException {
    private final String field;

    public InvalidValueException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** Throws when {@code condition} is false. */
    public static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidValueException(field, message);
        }
    }
}
