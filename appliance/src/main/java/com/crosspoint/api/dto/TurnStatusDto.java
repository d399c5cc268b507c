package com.crosspoint.api.dto;

import java.util.Map;

/**
 * {@code GET /api/v1/turn}: the STUN/TURN server's state and counters since it started (docs/security.md, "STUN and
 * TURN", says what each means).
 *
 * @param allocations          live allocations
 * @param allocationsByTenant  live allocations per tenant id
 * @param openConnections      TCP and TLS client connections
 * @param bindings             Binding requests answered on the TURN ports
 * @param malformed            datagrams and frames that started like STUN but did not decode
 * @param notStun              datagrams neither STUN nor ChannelData
 * @param badFingerprint       messages with a wrong FINGERPRINT
 * @param connectionsRefused   TCP connections closed at once (per-source or total cap)
 * @param outputDropped        messages to TCP clients dropped on a full output queue
 * @param relayDropped         relayed packets dropped (no allocation, permission or channel)
 * @param requestsRefused      STUN requests left unanswered by the per-source limit (TURN ports and SIP port)
 */
public record TurnStatusDto(int allocations, Map<Long, Integer> allocationsByTenant, int openConnections,
                            long bindings, long malformed, long notStun, long badFingerprint, long connectionsRefused,
                            long outputDropped, long relayDropped, long requestsRefused) {
}
