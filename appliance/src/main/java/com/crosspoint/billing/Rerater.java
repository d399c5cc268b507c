package com.crosspoint.billing;

import com.crosspoint.billing.rating.Rater;
import com.crosspoint.model.LedgerEntry;
import com.crosspoint.model.RatedCall;
import com.crosspoint.store.LedgerStore;
import com.crosspoint.store.LedgerStore.Period;
import com.crosspoint.store.LedgerStore.Rerating;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Rates a period's calls again after a deck or plan correction. A call whose figures come out the same is left
 * alone; one that changed gets its new rating and a RERATE line of the difference in its price, in the same
 * transaction. So running it twice changes nothing the second time, and the ledger keeps both the original charge and
 * the correction (append-only). Each page of calls is one transaction, so a run stopped midway (a crash, an
 * interrupt) leaves every page either re-rated or as it was, and running it again completes it. The next pages are
 * read and rated on a second thread while one is committed ({@link RerateReader}).
 */
public final class Rerater {
    /** Calls per transaction: one log sync each, and few enough row locks that Derby keeps them per row. */
    private static final int PAGE = 1000;
    /** Pages read and rated ahead of the one being committed. */
    private static final int AHEAD = 2;

    private final int pageSize;
    private final Accounts accounts;
    private final LedgerStore ledger;
    private final Rater rater;
    private final Clock clock;

    /** What a re-rating did. */
    public record Outcome(long examined, long changed, long priceChangeMicros) {
    }

    public Rerater(Accounts accounts, LedgerStore ledger, Rater rater, Clock clock) {
        this(accounts, ledger, rater, clock, PAGE);
    }

    /** With pages of {@code pageSize} calls: tests stop a run between pages of a few calls. */
    Rerater(Accounts accounts, LedgerStore ledger, Rater rater, Clock clock, int pageSize) {
        this.pageSize = pageSize;
        this.accounts = accounts;
        this.ledger = ledger;
        this.rater = rater;
        this.clock = clock;
    }

    /**
     * @param actor  who asked (the admin's name), for the ledger
     * @param reason why ("deck of carrier 3 corrected 12 March"), for the ledger
     * @throws RerateInterruptedException when the calling thread is interrupted: the pages committed so far stay
     *                                    re-rated, and running it again completes it
     */
    public Outcome rerate(Period period, String actor, String reason) {
        long examined = 0;
        long changed = 0;
        long priceChange = 0;
        try (RerateReader pages = new RerateReader(ledger, period, pageSize, AHEAD, clock,
                (before, now) -> rerating(before, now, actor, reason))) {
            for (RerateReader.Page page = pages.next(); page != null; page = pages.next()) {
                if (!page.changed().isEmpty()) {
                    apply(page);
                }
                examined += page.examined();
                changed += page.changed().size();
                priceChange += page.priceChangeMicros();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RerateInterruptedException(new Outcome(examined, changed, priceChange));
        }
        return new Outcome(examined, changed, priceChange);
    }

    /** Thrown when the thread that re-rates is interrupted; {@link #doneSoFar} is what was committed. */
    public static final class RerateInterruptedException extends RuntimeException {
        private final transient Outcome doneSoFar;

        RerateInterruptedException(Outcome doneSoFar) {
            super("re-rating interrupted after " + doneSoFar.examined() + " calls; running it again completes it");
            this.doneSoFar = doneSoFar;
        }

        public Outcome doneSoFar() {
            return doneSoFar;
        }
    }

    /** The call's new rating and its correction, or null when its figures come out the same. */
    private Rerating rerating(RatedCall before, Instant now, String actor, String reason) {
        RatedCall after = rater.rate(before.call());
        return after.sameFigures(before) ? null : new Rerating(before, after, correction(before, after, now, actor,
                reason));
    }

    /**
     * Commits a page's new ratings and corrections of all its tenants in one transaction. Memory is the more careful
     * meanwhile: a tenant's net charge is taken from its balance before the commit (and given back if it fails), a
     * net refund added after it.
     */
    private void apply(RerateReader.Page page) {
        Map<TenantBook, Long> charged = new HashMap<>();
        Map<TenantBook, Long> refunded = new HashMap<>();
        for (Map.Entry<Long, Long> tenant : page.correctionByTenant().entrySet()) {
            long micros = tenant.getValue();
            accounts.bookOrNull(tenant.getKey()).ifPresent(book -> (micros < 0 ? charged : refunded).put(book, micros));
        }
        charged.forEach(TenantBook::corrected);
        try {
            ledger.rerate(page.changed(), page.at());
        } catch (RuntimeException e) {
            charged.forEach((book, micros) -> book.corrected(-micros));
            throw e;
        }
        refunded.forEach(TenantBook::corrected);
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
