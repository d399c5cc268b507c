package com.crosspoint.billing.statement;

import com.crosspoint.model.BillingAccount;
import com.crosspoint.model.LedgerEntry;
import com.crosspoint.model.Money;
import com.crosspoint.model.RatePlan;
import com.crosspoint.model.RatedCall;
import com.crosspoint.model.RetailRate;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.store.Stores;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Builds a tenant's monthly {@link Statement} from its ledger (issue 14): the month is the plan's calendar month, the
 * opening balance is today's balance less every line booked since the month began, and each line is the ledger's own
 * amount, so the statement always agrees with the account. Calls are described from their rating and the plan's
 * rate names; users by extension and name.
 */
public final class Statements {
    private final Stores stores;
    private final Clock clock;

    public Statements(Stores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    /**
     * @throws NoSuchElementException when the tenant has no billing account
     * @throws IllegalArgumentException when the month has not begun yet
     */
    public Statement build(long tenantId, YearMonth month) {
        BillingAccount account = stores.billingAccounts().find(tenantId)
                .orElseThrow(() -> new NoSuchElementException("tenant " + tenantId + " has no billing account"));
        RatePlan plan = stores.ratePlans().findPlan(account.planId()).orElseThrow();
        ZoneId zone = plan.timeZone();
        Instant now = clock.instant();
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        if (from.isAfter(now)) {
            throw new IllegalArgumentException("month " + month + " has not begun");
        }
        String currency = account.currency();
        long balanceNow = stores.ledger().funds(tenantId).balanceMicros();
        long sinceFrom = sum(stores.ledger().entries(tenantId, from, now.plusMillis(1)));
        Money opening = new Money(balanceNow - sinceFrom, currency);

        Describer describe = new Describer(plan);
        List<StatementLine> lines = new ArrayList<>();
        Money balance = opening;
        for (LedgerEntry entry : stores.ledger().entries(tenantId, from, to.isAfter(now) ? now.plusMillis(1) : to)) {
            balance = balance.plus(entry.amount());
            lines.add(describe.line(entry, balance));
        }
        String tenantName = stores.tenants().find(tenantId).map(Tenant::name).orElse("tenant " + tenantId);
        return new Statement(tenantId, tenantName, month, zone, currency, from, to, opening, lines, balance);
    }

    /** The months with a statement: from the account's first ledger line (or this month) to this month. */
    public List<YearMonth> months(long tenantId) {
        BillingAccount account = stores.billingAccounts().find(tenantId)
                .orElseThrow(() -> new NoSuchElementException("tenant " + tenantId + " has no billing account"));
        ZoneId zone = stores.ratePlans().findPlan(account.planId()).orElseThrow().timeZone();
        Instant now = clock.instant();
        YearMonth current = YearMonth.from(now.atZone(zone));
        YearMonth first = stores.ledger().entries(tenantId, Instant.EPOCH, now.plusMillis(1)).stream().findFirst()
                .map(e -> YearMonth.from(e.at().atZone(zone))).orElse(current);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = current; !m.isBefore(first); m = m.minusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    private static long sum(List<LedgerEntry> entries) {
        long total = 0;
        for (LedgerEntry e : entries) {
            total += e.amountMicros();
        }
        return total;
    }

    /** Words for each ledger line: the call's destination and user, or the reason an admin gave. */
    private final class Describer {
        private final RatePlan plan;
        private final Map<Long, String> users = new HashMap<>();
        private List<RetailRate> rates;

        Describer(RatePlan plan) {
            this.plan = plan;
        }

        StatementLine line(LedgerEntry entry, Money balance) {
            Optional<RatedCall> rating = entry.cdrId() == null ? Optional.empty()
                    : stores.ledger().rating(entry.cdrId());
            StatementLine.Kind kind = switch (entry.kind()) {
                case CHARGE -> StatementLine.Kind.CALL;
                case RERATE -> StatementLine.Kind.RERATE;
                case TOP_UP -> StatementLine.Kind.TOP_UP;
                case ADJUSTMENT -> StatementLine.Kind.ADJUSTMENT;
            };
            if (rating.isEmpty()) {
                return new StatementLine(entry.at(), kind, entry.reason(), "", "", null, 0, entry.amount(), balance);
            }
            RatedCall call = rating.get();
            String number = "+" + call.call().destination();
            String destination = destination(call);
            String description = kind == StatementLine.Kind.RERATE ? "Corrected: " + destination : destination;
            return new StatementLine(entry.at(), kind, description, user(call.call().userId()), number,
                    call.call().startedAt(), call.billedSeconds(), entry.amount(), balance);
        }

        private String destination(RatedCall call) {
            if (call.sellPrefix() == null) {
                return "+" + call.call().destination();
            }
            if (rates == null) {
                rates = stores.ratePlans().rates(plan.id());
            }
            LocalDate day = call.call().startedAt().atZone(plan.timeZone()).toLocalDate();
            return rates.stream().filter(r -> r.prefix().equals(call.sellPrefix()) && r.effectiveOn(day))
                    .map(RetailRate::description).filter(d -> !d.isBlank()).findFirst()
                    .orElse("+" + call.sellPrefix());
        }

        private String user(Long userId) {
            if (userId == null) {
                return "";
            }
            return users.computeIfAbsent(userId, id -> stores.users().find(id)
                    .map(Statements::userWords).orElse("user " + id));
        }
    }

    private static String userWords(User u) {
        return u.displayName() == null || u.displayName().isBlank() ? u.extension()
                : u.extension() + " " + u.displayName();
    }
}
