package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.AcdAgent;
import com.crosspoint.console.client.AcdBoard;
import com.crosspoint.console.client.ApplianceStatus;
import com.crosspoint.console.client.CarrierQuality;
import com.crosspoint.console.client.ConsoleApi;
import com.crosspoint.console.client.EventStreamListener;
import com.crosspoint.console.client.EventSubscription;
import com.crosspoint.console.client.Login;
import com.crosspoint.console.client.Tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A scripted {@link ConsoleApi}: tests complete its futures by hand and inspect what was asked. */
final class FakeConsoleApi implements ConsoleApi {
    final List<String> logins = new ArrayList<>();
    final List<CompletableFuture<Login>> loginResults = new ArrayList<>();
    final List<CompletableFuture<Optional<ApplianceStatus>>> statusRequests = new ArrayList<>();
    final List<String> hangUps = new ArrayList<>();
    final List<CompletableFuture<Void>> hangUpResults = new ArrayList<>();
    final List<EventStreamListener> streams = new ArrayList<>();
    final List<CompletableFuture<EventSubscription>> streamResults = new ArrayList<>();
    final List<CompletableFuture<List<CarrierQuality>>> qualityRequests = new ArrayList<>();
    final List<String> serviceChanges = new ArrayList<>();
    final List<CompletableFuture<Void>> serviceResults = new ArrayList<>();
    final List<CompletableFuture<List<Tenant>>> tenantRequests = new ArrayList<>();
    final List<Long> boardRequests = new ArrayList<>();
    final List<CompletableFuture<AcdBoard>> boardResults = new ArrayList<>();
    final List<String> agentChanges = new ArrayList<>();
    final List<CompletableFuture<AcdAgent>> agentResults = new ArrayList<>();
    final List<String> moves = new ArrayList<>();
    final List<CompletableFuture<Void>> moveResults = new ArrayList<>();
    int closedSubscriptions;

    @Override
    public CompletableFuture<Login> login(String username, String password) {
        logins.add(username + ":" + password);
        CompletableFuture<Login> f = new CompletableFuture<>();
        loginResults.add(f);
        return f;
    }

    @Override
    public CompletableFuture<Optional<ApplianceStatus>> status() {
        CompletableFuture<Optional<ApplianceStatus>> f = new CompletableFuture<>();
        statusRequests.add(f);
        return f;
    }

    @Override
    public CompletableFuture<Void> hangUp(long tenantId, String callId) {
        hangUps.add(tenantId + "/" + callId);
        CompletableFuture<Void> f = new CompletableFuture<>();
        hangUpResults.add(f);
        return f;
    }

    @Override
    public CompletableFuture<List<CarrierQuality>> carrierQuality() {
        CompletableFuture<List<CarrierQuality>> f = new CompletableFuture<>();
        qualityRequests.add(f);
        return f;
    }

    @Override
    public CompletableFuture<Void> setCarrierInService(long carrierId, boolean inService) {
        serviceChanges.add(carrierId + "=" + inService);
        CompletableFuture<Void> f = new CompletableFuture<>();
        serviceResults.add(f);
        return f;
    }

    @Override
    public CompletableFuture<List<Tenant>> tenants() {
        CompletableFuture<List<Tenant>> f = new CompletableFuture<>();
        tenantRequests.add(f);
        return f;
    }

    @Override
    public CompletableFuture<AcdBoard> acdBoard(long tenantId) {
        boardRequests.add(tenantId);
        CompletableFuture<AcdBoard> f = new CompletableFuture<>();
        boardResults.add(f);
        return f;
    }

    @Override
    public CompletableFuture<AcdAgent> setAgentStatus(long tenantId, long userId, String status, String reason) {
        agentChanges.add(tenantId + "/" + userId + "=" + status);
        CompletableFuture<AcdAgent> f = new CompletableFuture<>();
        agentResults.add(f);
        return f;
    }

    @Override
    public CompletableFuture<Void> moveCaller(long tenantId, long queueId, long entryId, long toQueueId) {
        moves.add(tenantId + "/" + queueId + "/" + entryId + "->" + toQueueId);
        CompletableFuture<Void> f = new CompletableFuture<>();
        moveResults.add(f);
        return f;
    }

    /** Answers the newest board request. */
    void answerBoard(AcdBoard board) {
        boardResults.get(boardResults.size() - 1).complete(board);
    }

    /** Answers the newest carrier-quality request. */
    void answerQuality(List<CarrierQuality> carriers) {
        qualityRequests.get(qualityRequests.size() - 1).complete(carriers);
    }

    @Override
    public CompletableFuture<EventSubscription> events(EventStreamListener listener) {
        streams.add(listener);
        CompletableFuture<EventSubscription> f = new CompletableFuture<>();
        streamResults.add(f);
        return f;
    }

    /** Completes the newest event-stream request as opened. */
    EventStreamListener openLatest() {
        streamResults.get(streamResults.size() - 1).complete(() -> closedSubscriptions++);
        return streams.get(streams.size() - 1);
    }

    void failLatest(Throwable t) {
        streamResults.get(streamResults.size() - 1).completeExceptionally(t);
    }
}
