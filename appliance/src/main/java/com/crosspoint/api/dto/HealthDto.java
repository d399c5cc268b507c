package com.crosspoint.api.dto;

/** {@code GET /api/v1/health}: the node is up; live registrations and calls over all tenants. */
public record HealthDto(String status, String node, int sipPort, int registrations, int calls) {
}
