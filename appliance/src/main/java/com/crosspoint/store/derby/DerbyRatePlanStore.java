package com.crosspoint.store.derby;

import com.crosspoint.model.RatePlan;
import com.crosspoint.model.RetailRate;
import com.crosspoint.store.RatePlanStore;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Plans in {@code billing_plan}, rates in {@code billing_rate} (deleted with their plan). */
final class DerbyRatePlanStore implements RatePlanStore {
    private static final Table PLAN = Table.named("billing_plan")
            .fixed("tenant_id").columns("name", "currency", "time_zone").key("id");
    private static final Table RATE = Table.named("billing_rate")
            .fixed("plan_id", "prefix", "description", "price_micros", "fee_micros", "minimum_micros",
                    "first_increment", "next_increment", "effective_from", "effective_until")
            .key("id");

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyRatePlanStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    @Override
    public RatePlan createPlan(RatePlan given) {
        RatePlan plan = given.withId(ids.next("billing_plan"));
        tx.run(sql -> sql.insert(PLAN, plan.tenantId(), plan.name(), plan.currency(), plan.timeZone().getId(),
                plan.id()), new Transactions.Unique("name", "the tenant has a plan named " + plan.name()));
        return plan;
    }

    @Override
    public Optional<RatePlan> findPlan(long planId) {
        return tx.run(sql -> sql.first(PLAN.select("WHERE id = ?"), DerbyRatePlanStore::plan, planId));
    }

    @Override
    public List<RatePlan> plans(long tenantId) {
        return tx.run(sql -> sql.list(PLAN.select("WHERE tenant_id = ? ORDER BY name"), DerbyRatePlanStore::plan,
                tenantId));
    }

    @Override
    public List<RatePlan> allPlans() {
        return tx.run(sql -> sql.list(PLAN.select("ORDER BY id"), DerbyRatePlanStore::plan));
    }

    @Override
    public boolean deletePlan(long planId) {
        return tx.run(sql -> {
            long users = sql.count("SELECT COUNT(*) FROM billing_account WHERE plan_id = ?", planId)
                    + sql.count("SELECT COUNT(*) FROM billing_user WHERE plan_id = ?", planId);
            if (users > 0) {
                throw new IllegalStateException("plan " + planId + " is in use by " + users + " accounts or users");
            }
            return sql.update(PLAN.delete(), planId) > 0;
        });
    }

    @Override
    public List<RetailRate> addRates(long planId, List<RetailRate> given) {
        List<RetailRate> rates = withIds(planId, given);
        tx.run(sql -> {
            requirePlan(sql, planId);
            List<RetailRate> all = new ArrayList<>(rates(sql, planId));
            all.addAll(rates);
            RetailRate.checkNoOverlap(all);
            return sql.insertAll(RATE, rows(rates));
        });
        return rates;
    }

    @Override
    public List<RetailRate> replaceRates(long planId, List<RetailRate> given) {
        RetailRate.checkNoOverlap(given);
        List<RetailRate> rates = withIds(planId, given);
        tx.run(sql -> {
            requirePlan(sql, planId);
            sql.update("DELETE FROM billing_rate WHERE plan_id = ?", planId);
            return sql.insertAll(RATE, rows(rates));
        });
        return rates;
    }

    @Override
    public List<RetailRate> rates(long planId) {
        return tx.run(sql -> rates(sql, planId));
    }

    private List<RetailRate> withIds(long planId, List<RetailRate> given) {
        List<RetailRate> rates = new ArrayList<>(given.size());
        for (RetailRate rate : given) {
            rates.add(rate.withId(ids.next("billing_rate"), planId));
        }
        return rates;
    }

    private static void requirePlan(Sql sql, long planId) throws SQLException {
        if (sql.count("SELECT COUNT(*) FROM billing_plan WHERE id = ?", planId) == 0) {
            throw new NoSuchElementException("no plan " + planId);
        }
    }

    private static List<RetailRate> rates(Sql sql, long planId) throws SQLException {
        return sql.list(RATE.select("WHERE plan_id = ? ORDER BY prefix, effective_from"), DerbyRatePlanStore::rate,
                planId);
    }

    private static List<Object[]> rows(List<RetailRate> rates) {
        List<Object[]> rows = new ArrayList<>(rates.size());
        for (RetailRate r : rates) {
            rows.add(new Object[] {r.planId(), r.prefix(), r.description(), r.pricePerMinuteMicros(),
                    r.connectionFeeMicros(), r.minimumChargeMicros(), r.firstIncrement(), r.nextIncrement(),
                    Date.valueOf(r.effectiveFrom()), r.effectiveUntil() == null ? null : Date.valueOf(r.effectiveUntil()),
                    r.id()});
        }
        return rows;
    }

    private static RatePlan plan(ResultSet row) throws SQLException {
        return new RatePlan(row.getLong("id"), row.getLong("tenant_id"), row.getString("name"),
                row.getString("currency"), ZoneId.of(row.getString("time_zone")));
    }

    private static RetailRate rate(ResultSet row) throws SQLException {
        Date until = row.getDate("effective_until");
        return new RetailRate(row.getLong("id"), row.getLong("plan_id"), row.getString("prefix"),
                row.getString("description"), row.getLong("price_micros"), row.getLong("fee_micros"),
                row.getLong("minimum_micros"), row.getInt("first_increment"), row.getInt("next_increment"),
                row.getDate("effective_from").toLocalDate(), until == null ? null : until.toLocalDate());
    }
}
