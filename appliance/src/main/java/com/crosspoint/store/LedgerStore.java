package com.crosspoint.store;

import com.crosspoint.model.AccountFunds;
import com.crosspoint.model.BillableCall;
import com.crosspoint.model.LedgerEntry;
import com.crosspoint.model.RatedCall;
import com.crosspoint.model.Reservation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that moves money, each operation one transaction that also keeps the account's balance (the ledger's
 * sum) and reserved amount (the open reservations' sum) in step. The ledger is append-only: nothing here changes or
 * removes a line.
 */
public interface LedgerStore {
    /**
     * The account's money now.
     *
     * @throws java.util.NoSuchElementException when the tenant has no account
     */
    AccountFunds funds(long tenantId);

    /**
     * Commits a new OPEN reservation (its id is ignored) and adds its amount to the account's reserved money.
     *
     * @throws DuplicateKeyException            (field {@code callId}) when the call already has a reservation
     * @throws java.util.NoSuchElementException when the tenant has no account
     */
    Reservation reserve(Reservation reservation);

    /** Notes the carrier that carries the call; false when the call has no reservation. */
    boolean noteCarrier(String callId, long carrierId);

    /** Releases an OPEN reservation without a charge; false when it is not open (or does not exist). */
    boolean release(long reservationId, Instant at);

    /**
     * Stores a call's rating, its charge on the ledger and the balance, and settles its reservation (when the call
     * had one and it is open): all or nothing.
     *
     * @return false, changing nothing, when the call's CDR is already rated
     */
    boolean settle(Settlement settlement);

    /**
     * {@link #settle} for many calls in one transaction (one log sync): all or nothing.
     *
     * @throws DuplicateKeyException when one call's CDR is already rated, changing nothing
     */
    void settleAll(List<Settlement> settlements);

    /** Appends a top-up or an adjustment and changes the balance by its amount. */
    LedgerEntry post(LedgerEntry entry);

    /**
     * Replaces ratings (stamped {@code at}) and appends their corrections, all or nothing.
     *
     * @throws IllegalStateException when a rating is no longer as {@code before} says (someone re-rated it meanwhile)
     */
    void rerate(List<Rerating> reratings, Instant at);

    Optional<Reservation> reservation(long reservationId);

    Optional<Reservation> reservationOfCall(String callId);

    /** Every OPEN reservation, oldest first. */
    List<Reservation> openReservations();

    /** Calls whose reservation is still OPEN although their CDR is stored: what rating has yet to settle. */
    default List<BillableCall> pendingCalls(int limit) {
        return pendingCalls(0, limit);
    }

    /**
     * The pending calls (see {@link #pendingCalls(int)}) whose reservation id is above {@code afterReservationId}, in
     * reservation id order: a sweep pages on with the last one's id, past calls it could not settle.
     */
    List<BillableCall> pendingCalls(long afterReservationId, int limit);

    /** The call, when its reservation is OPEN and its CDR stored (the CDR of the lowest id if it has several). */
    Optional<BillableCall> pendingCall(String callId);

    Optional<RatedCall> rating(long cdrId);

    /** {@code given} with its id assigned and its time as it will be stored: ready for {@link #reserveAll}. */
    Reservation numbered(Reservation given);

    /**
     * Commits numbered reservations and their accounts' reserved totals in one transaction (a group commit), all or
     * none; a call id reserved before fails it with a {@link DuplicateKeyException}.
     */
    void reserveAll(List<Reservation> numbered);

    /** The ratings of those of {@code cdrIds} that are rated (at most {@value #MAX_IDS} ids): a page of CDRs. */
    List<RatedCall> ratingsOf(List<Long> cdrIds);

    /** The most ids {@link #ratingsOf} takes at once. */
    int MAX_IDS = 500;

    /**
     * Ratings of calls in {@code period}, by start then CDR id, after {@code after} (the last of the previous page,
     * null for the first): pages for re-rating that each cost one index range, however long the period.
     */
    List<RatedCall> ratings(Period period, RatedCall after, int limit);

    /**
     * Per carrier and currency, the rated calls that started at or after {@code since} with both a cost and a price in
     * that currency (what a margin can be computed from), by carrier id then currency: the carrier tab's margin.
     */
    List<CarrierMargin> carrierMargins(Instant since);

    /** The tenant's ledger lines at [from, to), oldest first. */
    List<LedgerEntry> entries(long tenantId, Instant from, Instant to);

    /** Every tenant's CHARGE lines since {@code since}: what the spend windows are loaded from. */
    List<LedgerEntry> spendSince(Instant since);

    /** The figures that must agree if the tenant's books balance (see {@link LedgerTotals#balanced()}). */
    LedgerTotals totals(long tenantId);

    /**
     * A call's rating with its charge; the charge is null for a call that costs the customer nothing.
     */
    record Settlement(RatedCall rating, LedgerEntry charge, Instant at) {
        public Settlement {
            Objects.requireNonNull(rating, "rating");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Rated calls a carrier carried, summed: cost, price and margin (price - cost) in micro-units of one currency. */
    record CarrierMargin(long carrierId, String currency, long calls, long billedSeconds, long costMicros,
                         long priceMicros, long marginMicros) {
    }

    /** Calls that started in [from, to), of one tenant or (tenantId null) of all. */
    record Period(Long tenantId, Instant from, Instant to) {
        public Period {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** A new rating of a call and the ledger line that corrects its charge (null when the price did not change). */
    record Rerating(RatedCall before, RatedCall after, LedgerEntry correction) {
        public Rerating {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }

    /**
     * @param balanceMicros      the balance on the account row
     * @param ledgerMicros       the sum of the ledger
     * @param reservedMicros     the reserved money on the account row
     * @param openMicros         the sum of the open reservations
     * @param unbalancedCdrIds   rated CDRs whose price is not minus the sum of their ledger lines
     * @param unratedChargeLines ledger lines that name a CDR without a rating
     * @param openButRated       open reservations whose call is rated
     */
    record LedgerTotals(long balanceMicros, long ledgerMicros, long reservedMicros, long openMicros,
                        List<Long> unbalancedCdrIds, long unratedChargeLines, long openButRated) {
        public LedgerTotals {
            unbalancedCdrIds = List.copyOf(unbalancedCdrIds);
        }

        public boolean balanced() {
            return balanceMicros == ledgerMicros && reservedMicros == openMicros && unbalancedCdrIds.isEmpty()
                    && unratedChargeLines == 0 && openButRated == 0;
        }
    }
}
