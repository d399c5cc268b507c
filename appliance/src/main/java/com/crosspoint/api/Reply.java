package com.crosspoint.api;

import java.util.Map;

/**
 * What an endpoint answers: a status, a body to send as JSON (null for none; a {@link RawBody} is
 * sent as it is) and extra headers.
 */
record Reply(int status, Object body, Map<String, String> headers) {

    /** A body that is not JSON (the CSV export), written byte for byte with its content type. */
    record RawBody(String contentType, byte[] bytes) {
    }

    /** The same answer with one more header. */
    Reply withHeader(String name, String value) {
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new Reply(status, body, Map.copyOf(h));
    }

    static Reply ok(Object body) {
        return new Reply(200, body, Map.of());
    }

    static Reply created(String location, Object body) {
        return new Reply(201, body, Map.of("Location", location));
    }

    static Reply accepted() {
        return new Reply(202, null, Map.of());
    }

    static Reply noContent() {
        return new Reply(204, null, Map.of());
    }
}
