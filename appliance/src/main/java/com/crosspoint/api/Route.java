package com.crosspoint.api;

/** One entry of the router's table. */
record Route(String method, PathTemplate path, Access access, Endpoint endpoint) {

    RouteKey key() {
        return new RouteKey(method, path.template());
    }
}
