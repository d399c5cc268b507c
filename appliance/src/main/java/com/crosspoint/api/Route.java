package com.crosspoint.api;

import java.time.Duration;
import java.util.Set;

/**
 * One entry of the router's table; {@code maxBodyBytes} caps the request body (larger: 413). An upload route
 * ({@code upload} not null) takes a file: its body is spooled to disk, not held in memory.
 */
record Route(String method, PathTemplate path, Access access, int maxBodyBytes, Upload upload, Endpoint endpoint) {

    /**
     * @param mediaTypes the Content-Types taken (others: 415 before the body is read)
     * @param timeout    how long the whole body may take (instead of {@code http.requestBodyTimeoutSeconds})
     */
    record Upload(Set<String> mediaTypes, Duration timeout) {
    }

    RouteKey key() {
        return new RouteKey(method, path.template());
    }
}
