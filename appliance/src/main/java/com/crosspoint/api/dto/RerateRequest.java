package com.crosspoint.api.dto;

/**
 * Rate again the calls that started in [from, to) (ISO 8601 instants), of one tenant or (tenantId left out) of all,
 * after a deck or plan correction; {@code reason} goes on the correcting ledger lines.
 */
public record RerateRequest(String from, String to, Long tenantId, String reason) {
}
