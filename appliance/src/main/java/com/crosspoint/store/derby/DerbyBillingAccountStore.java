package com.crosspoint.store.derby;

import com.crosspoint.model.BillingAccount;
import com.crosspoint.model.InvalidValueException;
import com.crosspoint.model.UserBilling;
import com.crosspoint.store.BillingAccountStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Accounts in {@code billing_account} (whose balance and reserved columns only {@link DerbyLedgerStore} writes) and
 * users' settings in {@code billing_user}.
 */
final class DerbyBillingAccountStore implements BillingAccountStore {
    private static final Table ACCOUNT = Table.named("billing_account")
            .fixed("kind", "currency")
            .columns(concat(new String[] {"plan_id", "credit_limit_micros", "warning_micros", "frozen"},
                    SpendLimitColumns.NAMES))
            .key("tenant_id");
    private static final Table USER = Table.named("billing_user")
            .fixed("tenant_id")
            .columns(concat(new String[] {"plan_id", "frozen"}, SpendLimitColumns.NAMES))
            .key("user_id");

    private final Transactions tx;

    DerbyBillingAccountStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public BillingAccount create(BillingAccount account) {
        tx.run(sql -> {
            checkPlan(sql, account.planId(), account.tenantId(), account.currency());
            return sql.insert(ACCOUNT, row(account));
        }, new Transactions.Unique("tenantId", "tenant " + account.tenantId() + " already has an account"));
        return account;
    }

    @Override
    public Optional<BillingAccount> find(long tenantId) {
        return tx.run(sql -> sql.first(ACCOUNT.select("WHERE tenant_id = ?"), DerbyBillingAccountStore::account,
                tenantId));
    }

    @Override
    public List<BillingAccount> list() {
        return tx.run(sql -> sql.list(ACCOUNT.select("ORDER BY tenant_id"), DerbyBillingAccountStore::account));
    }

    @Override
    public BillingAccount update(BillingAccount account) {
        tx.run(sql -> {
            String currency = sql.first("SELECT currency FROM billing_account WHERE tenant_id = ?",
                    r -> r.getString(1), account.tenantId())
                    .orElseThrow(() -> new NoSuchElementException("tenant " + account.tenantId() + " has no account"));
            if (!currency.equals(account.currency())) {
                throw new InvalidValueException("currency", "an account keeps its currency (" + currency + ")");
            }
            checkPlan(sql, account.planId(), account.tenantId(), currency);
            return sql.update(ACCOUNT, row(account));
        });
        return account;
    }

    @Override
    public UserBilling putUser(UserBilling user) {
        tx.run(sql -> {
            String currency = sql.first("SELECT currency FROM billing_account WHERE tenant_id = ?",
                    r -> r.getString(1), user.tenantId())
                    .orElseThrow(() -> new NoSuchElementException("tenant " + user.tenantId() + " has no account"));
            if (user.planId() != null) {
                checkPlan(sql, user.planId(), user.tenantId(), currency);
            }
            Object[] row = userRow(user);
            return sql.update(USER, row) > 0 ? 1 : sql.insert(USER, row);
        });
        return user;
    }

    @Override
    public Optional<UserBilling> findUser(long userId) {
        return tx.run(sql -> sql.first(USER.select("WHERE user_id = ?"), DerbyBillingAccountStore::user, userId));
    }

    @Override
    public List<UserBilling> users() {
        return tx.run(sql -> sql.list(USER.select("ORDER BY user_id"), DerbyBillingAccountStore::user));
    }

    @Override
    public boolean removeUser(long userId) {
        return tx.run(sql -> sql.update(USER.delete(), userId) > 0);
    }

    /** A plan of another tenant or currency would price calls in money the account does not hold. */
    private static void checkPlan(Sql sql, long planId, long tenantId, String currency) throws SQLException {
        boolean fits = sql.count("SELECT COUNT(*) FROM billing_plan WHERE id = ? AND tenant_id = ? AND currency = ?",
                planId, tenantId, currency) > 0;
        if (!fits) {
            throw new InvalidValueException("planId", "plan " + planId + " is not a plan of tenant " + tenantId
                    + " in " + currency);
        }
    }

    private static Object[] row(BillingAccount a) {
        List<Object> row = new ArrayList<>(List.of(a.kind(), a.currency(), a.planId(), a.creditLimitMicros(),
                a.warningThresholdMicros(), a.frozen()));
        row.addAll(Arrays.asList(SpendLimitColumns.values(a.limits())));
        row.add(a.tenantId());
        return row.toArray();
    }

    private static Object[] userRow(UserBilling u) {
        List<Object> row = new ArrayList<>();
        row.add(u.tenantId());
        row.add(u.planId());
        row.add(u.frozen());
        row.addAll(Arrays.asList(SpendLimitColumns.values(u.limits())));
        row.add(u.userId());
        return row.toArray();
    }

    private static BillingAccount account(ResultSet row) throws SQLException {
        return new BillingAccount(row.getLong("tenant_id"), Columns.getEnum(row, "kind", BillingAccount.Kind.class),
                row.getString("currency"), row.getLong("plan_id"), row.getLong("credit_limit_micros"),
                row.getLong("warning_micros"), row.getBoolean("frozen"), SpendLimitColumns.read(row));
    }

    private static UserBilling user(ResultSet row) throws SQLException {
        return new UserBilling(row.getLong("tenant_id"), row.getLong("user_id"), Columns.getLong(row, "plan_id"),
                row.getBoolean("frozen"), SpendLimitColumns.read(row));
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
