package com.crosspoint.console.client;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The part of the appliance API the console uses, for one appliance address. Every method is
 * asynchronous and never runs on the caller's thread; failures complete the future with
 * {@link ApiException} (the appliance said no) or {@link UnreachableException} (nothing answered).
 */
public interface ConsoleApi {

    /** {@code POST /api/v1/auth/login}; later calls carry the token. */
    CompletableFuture<Login> login(String username, String password);

    /** {@code GET /api/v1/status}; empty when this appliance does not serve it yet (404). */
    CompletableFuture<Optional<ApplianceStatus>> status();

    /** {@code DELETE /api/v1/tenants/{tenantId}/calls/{callId}}: 202, the end follows as {@code call.ended}. */
    CompletableFuture<Void> hangUp(long tenantId, String callId);

    /** {@code GET /api/v1/carriers/quality}: every carrier of the call router with its live figures. */
    CompletableFuture<List<CarrierQuality>> carrierQuality();

    /** {@code PATCH /api/v1/carriers/{carrierId}} {@code {"inService": ...}}: out of service and back. */
    CompletableFuture<Void> setCarrierInService(long carrierId, boolean inService);

    /** {@code GET /api/v1/tenants}: the tenants this login may see (a global login picks one for the ACD tab). */
    CompletableFuture<List<Tenant>> tenants();

    /** {@code GET /api/v1/tenants/{tenantId}/acd/board}: queues, waiting callers and agents now. */
    CompletableFuture<AcdBoard> acdBoard(long tenantId);

    /**
     * {@code PUT /api/v1/tenants/{tenantId}/agents/{userId}} {@code {"status": ..., "reason": ...}}: a supervisor
     * logs an agent out (LOGGED_OUT), pauses (PAUSED with a reason) or makes them available.
     */
    CompletableFuture<AcdAgent> setAgentStatus(long tenantId, long userId, String status, String reason);

    /**
     * {@code POST /api/v1/tenants/{tenantId}/queues/{queueId}/waiting/{entryId}/move} {@code {"toQueueId": ...}}: a
     * supervisor moves a waiting caller to the end of another queue of the tenant.
     */
    CompletableFuture<Void> moveCaller(long tenantId, long queueId, long entryId, long toQueueId);

    /** Opens {@code GET /api/v1/events}; completes once the WebSocket is open. */
    CompletableFuture<EventSubscription> events(EventStreamListener listener);
}
