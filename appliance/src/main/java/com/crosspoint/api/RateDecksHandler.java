package com.crosspoint.api;

import com.crosspoint.api.dto.RateDeckDto;
import com.crosspoint.api.dto.RateDeckImportDto;
import com.crosspoint.model.RateDeck;
import com.crosspoint.model.RateDeckImport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * {@code /api/v1/carriers/{carrierId}/rate-deck} (SUPERADMIN): upload a CSV deck (streamed to disk, imported in the
 * background, all or nothing), follow its import, and read the active deck's summary.
 */
final class RateDecksHandler implements RouteGroup {
    /** The largest deck accepted: 5 million rows of about 50 bytes. */
    static final int MAX_DECK_BYTES = 256 * 1024 * 1024;
    /** How long an upload may take in all (the minimum data rate still applies). */
    static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(30);
    private static final Set<String> CSV_TYPES = Set.of("text/csv", "text/plain", "application/csv",
            "application/vnd.ms-excel");
    private static final String DECK = CarriersHandler.BASE + "/{carrierId}/rate-deck";
    private static final int MAX_SOURCE = 128;

    private final RoutingServices routing;

    RateDecksHandler(RoutingServices routing) {
        this.routing = routing;
    }

    @Override
    public void addRoutes(Router router) {
        router.upload("PUT", DECK, Access.LOGIN, MAX_DECK_BYTES, UPLOAD_TIMEOUT, CSV_TYPES, this::upload)
                .add("GET", DECK, Access.LOGIN, this::summary)
                .add("GET", DECK + "/import", Access.LOGIN, this::progress);
    }

    private Reply upload(ApiRequest rq) throws Exception {
        RoutingServices r = CarriersHandler.require(routing, rq);
        long carrierId = r.carriers().get(rq.pathId("carrierId")).id();
        Path file = rq.claimUpload();
        String source = rq.query("source").map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.length() > MAX_SOURCE ? s.substring(0, MAX_SOURCE) : s).orElse("upload.csv");
        RateDeckImport started;
        try {
            started = r.imports().start(carrierId, file, source);
        } catch (IllegalStateException busy) {
            java.nio.file.Files.deleteIfExists(file);
            throw ApiException.conflict("carrierId", "an import of this carrier's deck is under way; wait for it");
        }
        return new Reply(202, RateDeckImportDto.of(started),
                java.util.Map.of("Location", DECK.replace("{carrierId}", String.valueOf(carrierId)) + "/import"));
    }

    private Reply summary(ApiRequest rq) {
        RoutingServices r = CarriersHandler.require(routing, rq);
        long carrierId = r.carriers().get(rq.pathId("carrierId")).id();
        RateDeck deck = r.decks().active(carrierId)
                .orElseThrow(() -> ApiException.notFound("carrier " + carrierId + " has no rate deck yet"));
        var span = r.spans().of(carrierId);
        return Reply.ok(new RateDeckDto(carrierId, deck.id(), deck.source(), deck.rowCount(),
                span.map(s -> s.prefixes()).orElse(0), deck.importedAt(),
                span.map(s -> s.effectiveFrom()).orElse(null), span.map(s -> s.effectiveUntil()).orElse(null)));
    }

    private Reply progress(ApiRequest rq) {
        RoutingServices r = CarriersHandler.require(routing, rq);
        long carrierId = r.carriers().get(rq.pathId("carrierId")).id();
        return Reply.ok(RateDeckImportDto.of(r.imports().latest(carrierId).orElseThrow(() ->
                ApiException.notFound("no import of carrier " + carrierId + "'s deck since the appliance started"))));
    }
}
