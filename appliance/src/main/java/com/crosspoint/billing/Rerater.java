package com.crosspoint.billing;

import com.crosspoint.billing.rating.Rater;
import com.crosspoint.model.LedgerEntry;
import com.crosspoint.model.RatedCall;
import com.crosspoint.store.LedgerStore;
import com.crosspoint.store.LedgerStore.Period;
import com.crosspoint.store.LedgerStore.Rerating;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rates a period's calls again after a deck or plan correction. A call whose figures come out the same is left
 * alone; one that changed gets its new rating and a RERATE line of the difference in its price, in the same
 * transaction. So running it twice changes nothing the second time, and the ledger keeps both the original charge and
 * the correction (append-only).
 */
public final class Rerater {
    private static final int PAGE = 1000;

    private final Accounts accounts;
    private final LedgerStore ledger;
    private final Rater rater;
    private final Clock clock;

    /** What a re-rating did. */
    public record Outcome(long examined, long changed, long priceChangeMicros) {
    }

    public Rerater(Accounts accounts, LedgerStore ledger, Rater rater, Clock clock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.rater = rater;
        this.clock = clock;
    }

    /**
     * @param actor  who asked (the admin's name), for the ledger
     * @param reason why ("deck of carrier 3 corrected 12 March"), for the ledger
     */
    public Outcome rerate(Period period, String actor, String reason) {
        long examined = 0;
        long changed = 0;
        long priceChange = 0;
        List<RatedCall> page = ledger.ratings(period, null, PAGE);
        while (!page.isEmpty()) {
            Instant now = clock.instant();
            Map<Long, List<Rerating>> byTenant = new LinkedHashMap<>();
            for (RatedCall before : page) {
                RatedCall after = rater.rate(before.call());
                if (!after.sameFigures(before)) {
                    byTenant.computeIfAbsent(before.call().tenantId(), t -> new ArrayList<>())
                            .add(new Rerating(before, after, correction(before, after, now, actor, reason)));
                    priceChange += after.price().micros() - before.price().micros();
                    changed++;
                }
            }
            for (Map.Entry<Long, List<Rerating>> tenant : byTenant.entrySet()) {
                apply(tenant.getKey(), tenant.getValue(), now);
            }
            examined += page.size();
            page = ledger.ratings(period, page.get(page.size() - 1), PAGE);
        }
        return new Outcome(examined, changed, priceChange);
    }

    private void apply(long tenantId, List<Rerating> reratings, Instant now) {
        accounts.bookOrNull(tenantId).ifPresentOrElse(book -> book.rerate(reratings, now),
                () -> ledger.rerate(reratings, now));
    }

    /** The ledger line that makes the charges of the call sum to its new price; null when the price is the same. */
    private static LedgerEntry correction(RatedCall before, RatedCall after, Instant now, String actor,
                                          String reason) {
        if (!before.price().currency().equals(after.price().currency())) {
            throw new IllegalStateException("CDR " + before.call().cdrId() + " changed currency from "
                    + before.price().currency() + " to " + after.price().currency() + "; re-rate it by hand");
        }
        long refund = before.price().micros() - after.price().micros();
        if (refund == 0) {
            return null;
        }
        return new LedgerEntry(0, before.call().tenantId(), now, LedgerEntry.Kind.RERATE, refund,
                after.price().currency(), actor, reason, before.call().userId(), before.call().cdrId());
    }
}
