package com.crosspoint.api.dto;

import com.crosspoint.model.LedgerEntry;
import java.time.Instant;

/** One line of a tenant's ledger: who moved how much money, when and why. */
public record LedgerEntryDto(long id, Instant at, String kind, String amount, String currency, String actor,
                             String reason, Long userId, Long cdrId) {

    public static LedgerEntryDto of(LedgerEntry e) {
        return new LedgerEntryDto(e.id(), e.at(), e.kind().name(), e.amount().toDecimal(), e.currency(), e.actor(),
                e.reason(), e.userId(), e.cdrId());
    }
}
