package com.crosspoint.api;

/** One entry of the router's table; {@code maxBodyBytes} caps the request body (larger: 413). */
record Route(String method, PathTemplate path, Access access, int maxBodyBytes, Endpoint endpoint) {

    RouteKey key() {
        return new RouteKey(method, path.template());
    }
}
