package com.crosspoint.store.derby;

import com.crosspoint.model.Binding;
import com.crosspoint.store.BindingStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class DerbyBindingStore implements BindingStore {
    private static final String UPDATE = "UPDATE binding SET tenant_id = ?, user_id = ?, device_id = ?, call_id = ?, "
            + "cseq = ?, expires_at = ?, transport = ?, source = ?, user_agent = ?, updated_at = ? "
            + "WHERE aor = ? AND contact = ?";
    private static final String INSERT = "INSERT INTO binding (tenant_id, user_id, device_id, call_id, cseq, "
            + "expires_at, transport, source, user_agent, updated_at, aor, contact) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM binding WHERE aor = ? AND contact = ?";

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
        tx.run(c -> {
            upsert(c, latest);
            remove(c, removals);
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

    private static void upsert(Connection c, Collection<Binding> bindings) throws SQLException {
        if (bindings.isEmpty()) {
            return;
        }
        List<Binding> missing = new ArrayList<>();
        try (PreparedStatement update = c.prepareStatement(UPDATE)) {
            for (Binding binding : bindings) {
                bind(update, binding);
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            int i = 0;
            for (Binding binding : bindings) {
                if (counts[i++] == 0) {
                    missing.add(binding);
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (Binding binding : missing) {
                bind(insert, binding);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void remove(Connection c, Collection<BindingKey> removals) throws SQLException {
        if (removals.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = c.prepareStatement(DELETE)) {
            for (BindingKey key : removals) {
                delete.setString(1, key.aor());
                delete.setString(2, key.contact());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /** UPDATE and INSERT take the same parameters in the same order, the key last. */
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
        statement.setString(11, binding.aor());
        statement.setString(12, binding.contact());
    }

    @Override
    public List<Binding> listAll() {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT aor, contact, tenant_id, user_id, device_id, "
                    + "call_id, cseq, expires_at, transport, source, user_agent, updated_at FROM binding "
                    + "ORDER BY aor, contact")) {
                return Queries.list(select, DerbyBindingStore::map);
            }
        });
    }

    private static Binding map(ResultSet row) throws SQLException {
        return new Binding(row.getLong("tenant_id"), row.getLong("user_id"), row.getLong("device_id"),
                row.getString("aor"), row.getString("contact"), row.getString("call_id"), row.getLong("cseq"),
                Columns.getInstant(row, "expires_at"), row.getString("transport"), row.getString("source"),
                row.getString("user_agent"), Columns.getInstant(row, "updated_at"));
    }
}
