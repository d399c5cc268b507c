package com.crosspoint.api.dto;

import com.crosspoint.model.RateDeckImport;
import java.time.Instant;
import java.util.List;

/**
 * Where a rate-deck upload stands. {@code percent} 0-100: reading (by bytes) is the first half, storing (by rows)
 * the second; 100 only once the deck is the carrier's. A REJECTED import changed nothing: {@code errors} lists its
 * bad rows by number (the first 100; {@code moreErrors} counts the rest).
 */
public record RateDeckImportDto(long carrierId, String source, RateDeckImport.State state, int percent, long bytes,
                                long bytesRead, long rowsRead, long rowsStored, List<String> errors, long moreErrors,
                                Instant startedAt, Instant finishedAt, Long deckId, String failure) {

    public static RateDeckImportDto of(RateDeckImport i) {
        return new RateDeckImportDto(i.carrierId(), i.source(), i.state(), i.percent(), i.bytes(), i.bytesRead(),
                i.rowsRead(), i.rowsStored(), i.errors(), i.moreErrors(), i.startedAt(), i.finishedAt(), i.deckId(),
                i.failure());
    }
}
