package com.crosspoint.store.derby;

import com.crosspoint.model.AttendantMenu;
import com.crosspoint.model.MenuOption;
import com.crosspoint.store.AttendantMenuStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Menus in {@code attendant_menu}, their options in {@code attendant_option}; both written in one transaction. */
final class DerbyAttendantMenuStore implements AttendantMenuStore {
    private static final String COLUMNS = "id, tenant_id, menu_number, menu_name, greeting, dial_by_extension, "
            + "timeout_seconds, max_retries, operator_extension";

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyAttendantMenuStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    @Override
    public AttendantMenu create(AttendantMenu given) {
        AttendantMenu menu = given.withId(ids.next("attendant_menu"));
        return tx.run(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO attendant_menu (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, menu.id());
                insert.setLong(2, menu.tenantId());
                setFields(insert, 3, menu);
                insert.executeUpdate();
            }
            insertOptions(c, menu);
            return find(c, menu.id()).orElseThrow();
        }, numberTaken(menu));
    }

    @Override
    public Optional<AttendantMenu> find(long id) {
        return tx.run(c -> find(c, id));
    }

    private static Optional<AttendantMenu> find(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM attendant_menu WHERE id = ?")) {
            select.setLong(1, id);
            return withOptions(c, Queries.first(select, DerbyAttendantMenuStore::map));
        }
    }

    @Override
    public Optional<AttendantMenu> findByNumber(long tenantId, String number) {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM attendant_menu WHERE tenant_id = ? AND menu_number = ?")) {
                select.setLong(1, tenantId);
                select.setString(2, number);
                return withOptions(c, Queries.first(select, DerbyAttendantMenuStore::map));
            }
        });
    }

    @Override
    public List<AttendantMenu> list(long tenantId) {
        return tx.run(c -> {
            List<AttendantMenu> menus;
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM attendant_menu WHERE tenant_id = ? ORDER BY id")) {
                select.setLong(1, tenantId);
                menus = Queries.list(select, DerbyAttendantMenuStore::map);
            }
            List<AttendantMenu> full = new ArrayList<>(menus.size());
            for (AttendantMenu m : menus) {
                full.add(withOptions(c, m));
            }
            return full;
        });
    }

    @Override
    public AttendantMenu update(AttendantMenu menu) {
        return tx.run(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE attendant_menu SET menu_number = ?, "
                    + "menu_name = ?, greeting = ?, dial_by_extension = ?, timeout_seconds = ?, max_retries = ?, "
                    + "operator_extension = ? WHERE id = ?")) {
                setFields(update, 1, menu);
                update.setLong(8, menu.id());
                if (update.executeUpdate() == 0) {
                    throw new NoSuchElementException("no menu " + menu.id());
                }
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM attendant_option WHERE menu_id = ?")) {
                delete.setLong(1, menu.id());
                delete.executeUpdate();
            }
            insertOptions(c, menu);
            return find(c, menu.id()).orElseThrow();
        }, numberTaken(menu));
    }

    @Override
    public boolean delete(long id) {
        return tx.run(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM attendant_menu WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private static Transactions.Unique numberTaken(AttendantMenu menu) {
        return new Transactions.Unique("number",
                "number " + menu.number() + " is already a menu of tenant " + menu.tenantId());
    }

    /** Binds number, name, greeting, dial-by-extension, timeout, retries and operator from {@code first} on. */
    private static void setFields(PreparedStatement s, int first, AttendantMenu m) throws SQLException {
        s.setString(first, m.number());
        s.setString(first + 1, m.name());
        s.setString(first + 2, m.greeting());
        s.setBoolean(first + 3, m.dialByExtension());
        s.setInt(first + 4, m.timeoutSeconds());
        s.setInt(first + 5, m.maxRetries());
        s.setString(first + 6, m.operatorExtension());
    }

    private static void insertOptions(Connection c, AttendantMenu menu) throws SQLException {
        if (menu.options().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO attendant_option (menu_id, digit, "
                + "option_action, target_extension, target_menu_id) VALUES (?, ?, ?, ?, ?)")) {
            for (MenuOption o : menu.options()) {
                insert.setLong(1, menu.id());
                insert.setString(2, String.valueOf(o.digit()));
                insert.setString(3, o.action().name());
                insert.setString(4, o.extension());
                if (o.menuId() == null) {
                    insert.setNull(5, Types.BIGINT);
                } else {
                    insert.setLong(5, o.menuId());
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Optional<AttendantMenu> withOptions(Connection c, Optional<AttendantMenu> menu) throws SQLException {
        return menu.isEmpty() ? menu : Optional.of(withOptions(c, menu.get()));
    }

    private static AttendantMenu withOptions(Connection c, AttendantMenu m) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT digit, option_action, target_extension, "
                + "target_menu_id FROM attendant_option WHERE menu_id = ? ORDER BY digit")) {
            select.setLong(1, m.id());
            List<MenuOption> options = Queries.list(select, row -> {
                long menuId = row.getLong("target_menu_id");
                Long target = row.wasNull() ? null : menuId;
                return new MenuOption(row.getString("digit").charAt(0),
                        MenuOption.Action.valueOf(row.getString("option_action")), row.getString("target_extension"),
                        target);
            });
            return new AttendantMenu(m.id(), m.tenantId(), m.number(), m.name(), m.greeting(), m.dialByExtension(),
                    m.timeoutSeconds(), m.maxRetries(), m.operatorExtension(), options);
        }
    }

    private static AttendantMenu map(ResultSet row) throws SQLException {
        return new AttendantMenu(row.getLong("id"), row.getLong("tenant_id"), row.getString("menu_number"),
                row.getString("menu_name"), row.getString("greeting"), row.getBoolean("dial_by_extension"),
                row.getInt("timeout_seconds"), row.getInt("max_retries"), row.getString("operator_extension"),
                List.of());
    }
}
