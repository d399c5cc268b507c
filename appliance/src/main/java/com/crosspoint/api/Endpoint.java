package com.crosspoint.api;

/** The code behind one route. It may block (JDBC): the router runs on Jetty's worker threads. */
@FunctionalInterface
interface Endpoint {
    Reply handle(ApiRequest request) throws Exception;
}
