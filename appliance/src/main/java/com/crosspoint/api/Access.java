package com.crosspoint.api;

/** Whether a route needs a login; what the login may do is checked by the endpoint. */
enum Access {
    PUBLIC,
    LOGIN
}
