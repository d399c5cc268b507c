package com.crosspoint.api;

/** An HTTP method and a path template as the OpenAPI document spells it, e.g. {@code /api/v1/tenants/{tenantId}}. */
public record RouteKey(String method, String path) {
}
