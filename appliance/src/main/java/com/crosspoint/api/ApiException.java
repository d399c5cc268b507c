package com.crosspoint.api;

/** A request that cannot be served, with the HTTP status and (when one is to blame) the field. */
final class ApiException extends RuntimeException {
    private final int status;
    private final String field;

    ApiException(int status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    static ApiException badRequest(String field, String message) {
        return new ApiException(400, message, field);
    }

    static ApiException unauthorized(String message) {
        return new ApiException(401, message, null);
    }

    static ApiException forbidden(String message) {
        return new ApiException(403, message, null);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message, null);
    }

    static ApiException conflict(String field, String message) {
        return new ApiException(409, message, field);
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }
}
