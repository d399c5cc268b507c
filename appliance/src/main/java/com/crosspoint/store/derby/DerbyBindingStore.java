package com.crosspoint.store.derby;

import com.crosspoint.model.Binding;
import com.crosspoint.store.BindingStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class DerbyBindingStore implements BindingStore {
    /** No fixed columns, so UPDATE and INSERT take the same parameters: {@link #bind} serves both. */
    private static final Table BINDING = Table.named("binding")
            .columns("tenant_id", "user_id", "device_id", "call_id", "cseq", "expires_at", "transport", "source",
                    "user_agent", "updated_at", "path", "instance_id", "reg_id")
            .key("aor", "contact");

    private final Transactions tx;

    DerbyBindingStore(Transactions tx) {
        this.tx = tx;
    }

    /**
     * Update-then-insert in batches (faster than MERGE in Derby); removals are applied after the
     * upserts, so a key in both is removed. Calls are serialised: two concurrent calls inserting one
     * new key would otherwise both miss on UPDATE and collide on INSERT, and the registrar commits
     * from one writer anyway.
     */
    @Override
    public synchronized void apply(Collection<Binding> upserts, Collection<BindingKey> removals) {
        if (upserts.isEmpty() && removals.isEmpty()) {
            return;
        }
        Collection<Binding> latest = lastPerKey(upserts);
        tx.run(sql -> {
            // Derby makes a warning, stack trace included, for each binding the UPDATE misses: a
            // frame more here is about 600 bytes more per new binding (measured), so no helper between
            if (!latest.isEmpty()) {
                insertMissing(sql, latest, sql.batch(BINDING.update(), latest, DerbyBindingStore::bind));
            }
            if (!removals.isEmpty()) {
                sql.batch(BINDING.delete(), removals, DerbyBindingStore::bindKey);
            }
            return null;
        });
    }

    /** A key upserted twice in one batch would miss twice on UPDATE and be inserted twice. */
    private static Collection<Binding> lastPerKey(Collection<Binding> upserts) {
        Map<BindingKey, Binding> byKey = new LinkedHashMap<>();
        for (Binding binding : upserts) {
            byKey.put(new BindingKey(binding.aor(), binding.contact()), binding);
        }
        return byKey.values();
    }

    /** Inserts the bindings that the UPDATE batch, whose row counts are {@code updated}, missed. */
    private static void insertMissing(Sql sql, Collection<Binding> bindings, int[] updated) throws SQLException {
        List<Binding> missing = new ArrayList<>();
        int i = 0;
        for (Binding binding : bindings) {
            if (updated[i++] == 0) {
                missing.add(binding);
            }
        }
        if (!missing.isEmpty()) {
            sql.batch(BINDING.insert(), missing, DerbyBindingStore::bind);
        }
    }

    /** Typed rather than through {@link Sql#update(Table, Object...)}: no boxing on the REGISTER path. */
    private static void bind(PreparedStatement statement, Binding binding) throws SQLException {
        statement.setLong(1, binding.tenantId());
        statement.setLong(2, binding.userId());
        statement.setLong(3, binding.deviceId());
        statement.setString(4, binding.callId());
        statement.setLong(5, binding.cseq());
        Columns.setInstant(statement, 6, binding.expiresAt());
        statement.setString(7, binding.transport());
        statement.setString(8, binding.source());
        statement.setString(9, binding.userAgent());
        Columns.setInstant(statement, 10, binding.updatedAt());
        statement.setString(11, binding.path().isEmpty() ? null : String.join("\n", binding.path()));
        statement.setString(12, binding.instanceId());
        statement.setInt(13, binding.regId());
        statement.setString(14, binding.aor());
        statement.setString(15, binding.contact());
    }

    private static void bindKey(PreparedStatement statement, BindingKey key) throws SQLException {
        statement.setString(1, key.aor());
        statement.setString(2, key.contact());
    }

    @Override
    public List<Binding> listAll() {
        return tx.run(sql -> sql.list(BINDING.select("ORDER BY aor, contact"), DerbyBindingStore::map));
    }

    private static Binding map(ResultSet row) throws SQLException {
        String path = row.getString("path");
        return new Binding(row.getLong("tenant_id"), row.getLong("user_id"), row.getLong("device_id"),
                row.getString("aor"), row.getString("contact"), row.getString("call_id"), row.getLong("cseq"),
                Columns.getInstant(row, "expires_at"), row.getString("transport"), row.getString("source"),
                row.getString("user_agent"), Columns.getInstant(row, "updated_at"),
                path == null ? List.of() : List.of(path.split("\n")), row.getString("instance_id"), row.getInt("reg_id"));
    }
}
