package com.crosspoint.cli;

/** The appliance refused a request or could not be reached; the message is for the operator. */
final class ApiCallException extends RuntimeException {
    ApiCallException(String message) {
        super(message);
    }

    ApiCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
