package com.crosspoint.api.dto;

/**
 * A server the PBX hands external calls to, with its health.
 *
 * @param role   {@code router} (the call routers, primary first) or {@code gateway} (numbers starting with {@code prefix})
 * @param prefix the E.164 prefix a gateway takes; null for routers
 * @param up     false after {@code trunk.failuresToDown} failed calls or health checks in a row
 */
public record TrunkDto(String role, String prefix, String host, int port, String transport, boolean up) {
}
