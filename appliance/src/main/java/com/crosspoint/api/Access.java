package com.crosspoint.api;

/**
 * Who may reach a route at all; what a login may do there is checked by the endpoint.
 * The router answers 401 without a login and 403 for a login of the wrong kind.
 */
enum Access {
    /** No login needed. */
    PUBLIC,
    /** An admin, superadmin or operator login; end users ({@code Role.USER}) get 403. */
    LOGIN,
    /** Any login, end users included (web session, event stream, status). */
    ANY_LOGIN,
    /** An end-user login only ({@code /api/v1/me}); every other login gets 403. */
    USER
}
