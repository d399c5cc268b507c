package com.crosspoint.api;

import java.util.Map;

/** What an endpoint answers: a status, a body to send as JSON (null for none) and extra headers. */
record Reply(int status, Object body, Map<String, String> headers) {

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
