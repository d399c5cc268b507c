package com.crosspoint.billing;

import com.crosspoint.billing.limits.SpendWindow;
import com.crosspoint.billing.rating.Allowance;
import com.crosspoint.billing.rating.Charges;
import com.crosspoint.concurrency.GroupCommit;
import com.crosspoint.model.AccountFunds;
import com.crosspoint.model.BillingAccount;
import com.crosspoint.model.LedgerEntry;
import com.crosspoint.model.Money;
import com.crosspoint.model.Reservation;
import com.crosspoint.model.RetailRate;
import com.crosspoint.model.SpendLimits;
import com.crosspoint.model.UserBilling;
import com.crosspoint.store.LedgerStore;
import com.crosspoint.store.LedgerStore.Settlement;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One tenant's money while the appliance runs: balance, reserved money, open reservations, calls and spend windows.
 * Every change but a reservation and a settlement is committed to the {@link LedgerStore} inside this object's lock
 * and applied to memory after the commit, so memory never runs ahead of the database; a reservation is held in
 * memory first and committed after, and a settlement committed first and applied after (both grouped with others'),
 * so memory is never less careful than the database, and two authorisations never decide on the same funds. The settings (account, users) are immutable values read without
 * the lock.
 */
final class TenantBook {
    private final LedgerStore store;
    private final GroupCommit<Reservation> reservations;
    private final BillingListener listener;
    private volatile BillingAccount account;
    private final Map<Long, UserBilling> users = new ConcurrentHashMap<>();

    // guarded by this
    private long balance;
    private long reserved;
    private final Map<Long, Reservation> open = new HashMap<>();
    /** The calls of {@code open}: a second authorisation of one is refused before it reaches the store. */
    private final Set<String> openCallIds = new HashSet<>();
    private final Map<Long, Integer> userCalls = new HashMap<>();
    private final Map<Long, Long> userReserved = new HashMap<>();
    private final SpendWindow spend = new SpendWindow();
    private final Map<Long, SpendWindow> userSpend = new HashMap<>();
    private boolean low;

    /** The tightest of the budgets a call may spend, and the refusal it stands for. */
    private record Budget(long micros, Refusal reason) {
    }

    /** @param reservations commits reservations (group commit, shared by every tenant) */
    TenantBook(BillingAccount account, AccountFunds funds, LedgerStore store, GroupCommit<Reservation> reservations,
               BillingListener listener) {
        this.account = account;
        this.balance = funds.balanceMicros();
        this.reserved = funds.reservedMicros();
        this.store = store;
        this.reservations = reservations;
        this.listener = listener;
    }

    BillingAccount account() {
        return account;
    }

    void setAccount(BillingAccount changed) {
        account = changed;
    }

    UserBilling user(Long userId) {
        return userId == null ? null : users.get(userId);
    }

    void putUser(UserBilling user) {
        users.put(user.userId(), user);
    }

    /** An open reservation found in the store at start; its money is already in {@code reserved}. */
    synchronized void restore(Reservation reservation) {
        open.put(reservation.id(), reservation);
        openCallIds.add(reservation.callId());
        if (reservation.userId() != null) {
            userCalls.merge(reservation.userId(), 1, Integer::sum);
            userReserved.merge(reservation.userId(), reservation.amountMicros(), Long::sum);
        }
    }

    /** A charge of the last 24 hours found in the ledger at start. */
    synchronized void restoreSpend(LedgerEntry charge, Instant now) {
        countSpend(charge.userId(), charge.at(), -charge.amountMicros(), now);
    }

    /**
     * Checks the call and funds limits, and when they allow at least the first increment, reserves the most seconds
     * they allow at {@code rate}. The decision holds the money in memory at once (so the next decision, of this
     * call's tenant, cannot promise it again) and returns; the reservation commits in the background, grouped with
     * other calls' (one log sync for all set up at once), and {@link Authorisation.Granted#durable} says when. A
     * failed commit gives the money back.
     */
    Authorisation reserve(CallStart start, RetailRate rate, long capSeconds) {
        BillingAccount settings = account;
        UserBilling user = user(start.userId());
        SpendLimits userLimits = user == null ? SpendLimits.NONE : user.limits();
        boolean crossed;
        Reservation held;
        Refusal boundBy;
        synchronized (this) {
            if (openCallIds.contains(start.callId())) {
                return new Authorisation.Refused(Refusal.DUPLICATE_CALL, "call " + start.callId() + " is authorised");
            }
            int tenantMax = settings.limits().maxConcurrentCalls();
            if (tenantMax > 0 && open.size() >= tenantMax) {
                return new Authorisation.Refused(Refusal.TENANT_CALL_LIMIT, open.size() + " calls of " + tenantMax);
            }
            int userMax = userLimits.maxConcurrentCalls();
            int ofUser = start.userId() == null ? 0 : userCalls.getOrDefault(start.userId(), 0);
            if (userMax > 0 && ofUser >= userMax) {
                return new Authorisation.Refused(Refusal.USER_CALL_LIMIT, ofUser + " calls of " + userMax);
            }
            Budget budget = budget(settings, start, userLimits);
            long seconds = Allowance.seconds(rate, budget.micros(), capSeconds);
            if (seconds == 0) {
                return new Authorisation.Refused(budget.reason(), new Money(Math.max(0, budget.micros()),
                        settings.currency()) + " left; the first " + rate.firstIncrement() + " s cost "
                        + new Money(Charges.priceOfBilled(rate, rate.firstIncrement()), settings.currency()));
            }
            boolean capped = seconds < Allowance.seconds(rate, budget.micros(), Long.MAX_VALUE);
            boundBy = capped ? null : budget.reason();
            held = store.numbered(new Reservation(0, start.callId(), start.tenantId(), start.userId(),
                    start.destination(), rate.prefix(), seconds, Charges.priceOfBilled(rate, seconds),
                    settings.currency(), start.at(), Reservation.State.OPEN, null));
            restore(held);
            reserved += held.amountMicros();
            crossed = crossedWarning();
        }
        warnIf(crossed);
        CompletableFuture<Void> durable = reservations.write(held).whenComplete((ok, failed) -> {
            if (failed != null) {
                synchronized (this) {
                    forget(held.id());
                    crossedWarning();
                }
            }
        });
        return new Authorisation.Granted(held, boundBy, durable);
    }

    /**
     * A rating, its charge and its settled reservation were committed: memory follows. Until it does, memory is the
     * more careful: it still holds the whole reservation, which is never less than the charge.
     */
    void settled(Settlement settlement) {
        boolean crossed;
        synchronized (this) {
            LedgerEntry charge = settlement.charge();
            if (charge != null) {
                balance += charge.amountMicros();
                countSpend(charge.userId(), settlement.at(), -charge.amountMicros(), settlement.at());
            }
            Long reservationId = settlement.rating().call().reservationId();
            if (reservationId != null) {
                forget(reservationId);
            }
            crossed = crossedWarning();
        }
        warnIf(crossed);
    }

    /** Gives an open reservation's money back; false when it is not open. */
    synchronized boolean release(long reservationId, Instant at) {
        if (!store.release(reservationId, at)) {
            return false;
        }
        forget(reservationId);
        crossedWarning();
        return true;
    }

    LedgerEntry post(LedgerEntry entry) {
        Objects.requireNonNull(entry, "entry");
        boolean crossed;
        LedgerEntry posted;
        synchronized (this) {
            posted = store.post(entry);
            balance += posted.amountMicros();
            crossed = crossedWarning();
        }
        warnIf(crossed);
        return posted;
    }

    /**
     * Changes the balance by a re-rating's corrections of this tenant's calls (they change the balance, not the spend
     * windows). The re-rater gives memory a charge before its commit and a refund after it, so memory never allows
     * more than the database holds, and never holds the tenant's calls up while the database commits.
     */
    void corrected(long micros) {
        boolean crossed;
        synchronized (this) {
            balance += micros;
            crossed = crossedWarning();
        }
        warnIf(crossed);
    }

    synchronized AccountFunds funds() {
        return new AccountFunds(account.tenantId(), balance, reserved);
    }

    synchronized int openCalls() {
        return open.size();
    }

    private Budget budget(BillingAccount settings, CallStart start, SpendLimits userLimits) {
        Instant now = start.at();
        Budget tightest = new Budget(balance + settings.creditLimitMicros() - reserved, Refusal.INSUFFICIENT_FUNDS);
        SpendLimits limits = settings.limits();
        tightest = tighter(tightest, limits.maxSpendPerHourMicros(), spend.sum(now, SpendWindow.HOUR) + reserved,
                Refusal.TENANT_HOURLY_SPEND);
        tightest = tighter(tightest, limits.maxSpendPerDayMicros(), spend.sum(now, SpendWindow.DAY) + reserved,
                Refusal.TENANT_DAILY_SPEND);
        Long userId = start.userId();
        if (userId != null) {
            SpendWindow window = userSpend.get(userId);
            long held = userReserved.getOrDefault(userId, 0L);
            tightest = tighter(tightest, userLimits.maxSpendPerHourMicros(),
                    (window == null ? 0 : window.sum(now, SpendWindow.HOUR)) + held, Refusal.USER_HOURLY_SPEND);
            tightest = tighter(tightest, userLimits.maxSpendPerDayMicros(),
                    (window == null ? 0 : window.sum(now, SpendWindow.DAY)) + held, Refusal.USER_DAILY_SPEND);
        }
        return tightest;
    }

    /** Open reservations count as spent: a running call's allowance is money already promised. */
    private static Budget tighter(Budget current, long limit, long spent, Refusal reason) {
        if (limit == 0 || limit - spent >= current.micros()) {
            return current;
        }
        return new Budget(limit - spent, reason);
    }

    private void forget(long reservationId) {
        Reservation r = open.remove(reservationId);
        if (r == null) {
            return;
        }
        reserved -= r.amountMicros();
        openCallIds.remove(r.callId());
        if (r.userId() != null) {
            userCalls.merge(r.userId(), -1, (a, b) -> a + b == 0 ? null : a + b);
            userReserved.merge(r.userId(), -r.amountMicros(), (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    private void countSpend(Long userId, Instant at, long micros, Instant now) {
        spend.add(at, micros, now);
        if (userId != null) {
            userSpend.computeIfAbsent(userId, id -> new SpendWindow()).add(at, micros, now);
        }
    }

    /** True once when the available funds fall below the warning threshold; re-armed when they rise above it. */
    private boolean crossedWarning() {
        long threshold = account.warningThresholdMicros();
        long available = balance + account.creditLimitMicros() - reserved;
        if (threshold == 0 || available >= threshold) {
            low = false;
            return false;
        }
        if (low) {
            return false;
        }
        low = true;
        return true;
    }

    private void warnIf(boolean crossed) {
        if (crossed) {
            AccountFunds funds = funds();
            BillingAccount settings = account;
            listener.fundsLow(settings.tenantId(), new Money(funds.balanceMicros() + settings.creditLimitMicros()
                    - funds.reservedMicros(), settings.currency()),
                    new Money(settings.warningThresholdMicros(), settings.currency()));
        }
    }
}
