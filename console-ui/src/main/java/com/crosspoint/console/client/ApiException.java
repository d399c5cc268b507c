package com.crosspoint.console.client;

/**
 * The appliance answered, but not with success: the HTTP status and the API's error body
 * ({@code {"error": ..., "field": ...}}).
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    public ApiException(int status, String message, String field) {
        super(message == null || message.isBlank() ? "HTTP " + status : message);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    /** The request field to blame, or null. */
    public String field() {
        return field;
    }
}
