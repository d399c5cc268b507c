package com.crosspoint.billing;

import com.crosspoint.concurrency.GroupCommit;
import com.crosspoint.model.AccountFunds;
import com.crosspoint.model.BillingAccount;
import com.crosspoint.model.InvalidValueException;
import com.crosspoint.model.LedgerEntry;
import com.crosspoint.model.Money;
import com.crosspoint.model.Reservation;
import com.crosspoint.model.UserBilling;
import com.crosspoint.store.BillingAccountStore;
import com.crosspoint.store.LedgerStore;
import com.crosspoint.store.LedgerStore.Settlement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tenants' accounts: settings written to the store, then to the in-memory {@link TenantBook}; top-ups and
 * adjustments as ledger lines naming who and why. {@link #load} rebuilds every book from the store at start.
 */
public final class Accounts implements AutoCloseable {
    private static final int MAX_RESERVATION_BATCH = 500;
    private static final int MAX_SETTLEMENT_BATCH = 500;

    private final BillingAccountStore accounts;
    private final LedgerStore ledger;
    private final Tariffs tariffs;
    private final BillingListener listener;
    private final Clock clock;
    private final Map<Long, TenantBook> books = new ConcurrentHashMap<>();
    /** Every tenant's reservations, committed in groups (one log sync for the calls set up at once). */
    private final GroupCommit<Reservation> reservations;
    /** Every tenant's ratings with their charges, committed in groups (one log sync for a page of calls). */
    private final GroupCommit<Settlement> settlements;

    public Accounts(BillingAccountStore accounts, LedgerStore ledger, Tariffs tariffs, BillingListener listener,
                    Clock clock) {
        this.reservations = new GroupCommit<>("billing-reservations", MAX_RESERVATION_BATCH, ledger::reserveAll,
                r -> "reservation of call " + r.callId());
        this.settlements = new GroupCommit<>("billing-settlements", MAX_SETTLEMENT_BATCH, ledger::settleAll,
                s -> "rating of CDR " + s.rating().call().cdrId());
        this.accounts = accounts;
        this.ledger = ledger;
        this.tariffs = tariffs;
        this.listener = listener;
        this.clock = clock;
    }

    /** Commits a call's rating, charge and settled reservation, grouped with other calls'. */
    CompletableFuture<Void> commit(Settlement settlement) {
        return settlements.write(settlement);
    }

    /** Reads every account, user, open reservation and the last day's charges; then the plans. */
    public void load() {
        Instant now = clock.instant();
        books.clear();
        for (BillingAccount account : accounts.list()) {
            books.put(account.tenantId(), new TenantBook(account, ledger.funds(account.tenantId()), ledger, reservations, listener));
        }
        for (UserBilling user : accounts.users()) {
            bookOrNull(user.tenantId()).ifPresent(book -> book.putUser(user));
        }
        for (Reservation open : ledger.openReservations()) {
            bookOrNull(open.tenantId()).ifPresent(book -> book.restore(open));
        }
        for (LedgerEntry charge : ledger.spendSince(now.minus(Duration.ofDays(1)))) {
            bookOrNull(charge.tenantId()).ifPresent(book -> book.restoreSpend(charge, now));
        }
        tariffs.reload();
    }

    /** Opens a tenant's account (balance zero); see {@link BillingAccountStore#create}. */
    public BillingAccount open(BillingAccount account) {
        accounts.create(account);
        books.put(account.tenantId(), new TenantBook(account, ledger.funds(account.tenantId()), ledger, reservations, listener));
        tariffs.reload();
        return account;
    }

    public BillingAccount update(BillingAccount account) {
        TenantBook book = book(account.tenantId());
        boolean wasFrozen = book.account().frozen();
        accounts.update(account);
        book.setAccount(account);
        tariffs.reload();
        if (wasFrozen != account.frozen()) {
            listener.frozen(account.tenantId(), null, account.frozen());
        }
        return account;
    }

    /** Freezes (or thaws) the account at once: new calls are refused from the next authorisation on. */
    public BillingAccount freeze(long tenantId, boolean frozen) {
        return update(book(tenantId).account().withFrozen(frozen));
    }

    public UserBilling putUser(UserBilling user) {
        TenantBook book = book(user.tenantId());
        UserBilling before = book.user(user.userId());
        accounts.putUser(user);
        book.putUser(user);
        tariffs.reload();
        if ((before != null && before.frozen()) != user.frozen()) {
            listener.frozen(user.tenantId(), user.userId(), user.frozen());
        }
        return user;
    }

    public LedgerEntry topUp(long tenantId, Money amount, String actor, String reason) {
        return post(tenantId, LedgerEntry.Kind.TOP_UP, amount, actor, reason);
    }

    /** A manual credit (positive) or debit (negative). */
    public LedgerEntry adjust(long tenantId, Money amount, String actor, String reason) {
        return post(tenantId, LedgerEntry.Kind.ADJUSTMENT, amount, actor, reason);
    }

    public Optional<BillingAccount> account(long tenantId) {
        return bookOrNull(tenantId).map(TenantBook::account);
    }

    /** The user's own settings, when an admin gave them any. */
    public Optional<UserBilling> user(long tenantId, long userId) {
        return bookOrNull(tenantId).map(book -> book.user(userId));
    }

    public AccountFunds funds(long tenantId) {
        return book(tenantId).funds();
    }

    /** Calls of the tenant holding a reservation now. */
    public int openCalls(long tenantId) {
        return book(tenantId).openCalls();
    }

    Optional<TenantBook> bookOrNull(long tenantId) {
        return Optional.ofNullable(books.get(tenantId));
    }

    TenantBook book(long tenantId) {
        TenantBook book = books.get(tenantId);
        if (book == null) {
            throw new NoSuchElementException("tenant " + tenantId + " has no billing account");
        }
        return book;
    }

    private LedgerEntry post(long tenantId, LedgerEntry.Kind kind, Money amount, String actor, String reason) {
        TenantBook book = book(tenantId);
        String currency = book.account().currency();
        if (!currency.equals(amount.currency())) {
            throw new InvalidValueException("currency", "the account is in " + currency + ", not " + amount.currency());
        }
        return book.post(new LedgerEntry(0, tenantId, clock.instant(), kind, amount.micros(), currency, actor, reason,
                null, null));
    }

    /** Commits the reservations queued, then stops committing. */
    @Override
    public void close() {
        reservations.close();
        settlements.close();
    }
}
