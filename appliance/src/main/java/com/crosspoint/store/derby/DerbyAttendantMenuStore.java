package com.crosspoint.store.derby;

import com.crosspoint.model.AttendantMenu;
import com.crosspoint.model.MenuOption;
import com.crosspoint.store.AttendantMenuStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Menus in {@code attendant_menu}, their options in {@code attendant_option}; both written in one transaction. */
final class DerbyAttendantMenuStore implements AttendantMenuStore {
    private static final Table MENU = Table.named("attendant_menu").fixed("tenant_id")
            .columns("menu_number", "menu_name", "greeting", "dial_by_extension", "timeout_seconds", "max_retries",
                    "operator_extension")
            .key("id");
    /** Options are replaced as a whole, never updated. */
    private static final Table OPTION = Table.named("attendant_option")
            .fixed("menu_id", "digit", "option_action", "target_extension", "target_menu_id");

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyAttendantMenuStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    @Override
    public AttendantMenu create(AttendantMenu given) {
        AttendantMenu menu = given.withId(ids.next("attendant_menu"));
        return tx.run(sql -> {
            sql.insert(MENU, row(menu));
            insertOptions(sql, menu);
            return find(sql, menu.id()).orElseThrow();
        }, numberTaken(menu));
    }

    @Override
    public Optional<AttendantMenu> find(long id) {
        return tx.run(sql -> find(sql, id));
    }

    private static Optional<AttendantMenu> find(Sql sql, long id) throws SQLException {
        return withOptions(sql, sql.first(MENU.select("WHERE id = ?"), DerbyAttendantMenuStore::map, id));
    }

    @Override
    public Optional<AttendantMenu> findByNumber(long tenantId, String number) {
        return tx.run(sql -> withOptions(sql, sql.first(MENU.select("WHERE tenant_id = ? AND menu_number = ?"),
                DerbyAttendantMenuStore::map, tenantId, number)));
    }

    @Override
    public List<AttendantMenu> list(long tenantId) {
        return tx.run(sql -> {
            List<AttendantMenu> menus = sql.list(MENU.select("WHERE tenant_id = ? ORDER BY id"),
                    DerbyAttendantMenuStore::map, tenantId);
            List<AttendantMenu> full = new ArrayList<>(menus.size());
            for (AttendantMenu m : menus) {
                full.add(withOptions(sql, m));
            }
            return full;
        });
    }

    /** @throws NoSuchElementException when no menu has the id */
    @Override
    public AttendantMenu update(AttendantMenu menu) {
        return tx.run(sql -> {
            if (sql.update(MENU, row(menu)) == 0) {
                throw new NoSuchElementException("no menu " + menu.id());
            }
            sql.update("DELETE FROM attendant_option WHERE menu_id = ?", menu.id());
            insertOptions(sql, menu);
            return find(sql, menu.id()).orElseThrow();
        }, numberTaken(menu));
    }

    @Override
    public boolean delete(long id) {
        return tx.run(sql -> sql.update(MENU.delete(), id) > 0);
    }

    private static Transactions.Unique numberTaken(AttendantMenu menu) {
        return new Transactions.Unique("number",
                "number " + menu.number() + " is already a menu of tenant " + menu.tenantId());
    }

    private static Object[] row(AttendantMenu m) {
        return new Object[] {m.tenantId(), m.number(), m.name(), m.greeting(), m.dialByExtension(),
                m.timeoutSeconds(), m.maxRetries(), m.operatorExtension(), m.id()};
    }

    private static void insertOptions(Sql sql, AttendantMenu menu) throws SQLException {
        if (menu.options().isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(menu.options().size());
        for (MenuOption o : menu.options()) {
            rows.add(new Object[] {menu.id(), String.valueOf(o.digit()), o.action(), o.extension(), o.menuId()});
        }
        sql.insertAll(OPTION, rows);
    }

    private static Optional<AttendantMenu> withOptions(Sql sql, Optional<AttendantMenu> menu) throws SQLException {
        return menu.isEmpty() ? menu : Optional.of(withOptions(sql, menu.get()));
    }

    private static AttendantMenu withOptions(Sql sql, AttendantMenu m) throws SQLException {
        List<MenuOption> options = sql.list(OPTION.select("WHERE menu_id = ? ORDER BY digit"),
                row -> new MenuOption(row.getString("digit").charAt(0),
                        Columns.getEnum(row, "option_action", MenuOption.Action.class),
                        row.getString("target_extension"), Columns.getLong(row, "target_menu_id")),
                m.id());
        return new AttendantMenu(m.id(), m.tenantId(), m.number(), m.name(), m.greeting(), m.dialByExtension(),
                m.timeoutSeconds(), m.maxRetries(), m.operatorExtension(), options);
    }

    private static AttendantMenu map(ResultSet row) throws SQLException {
        return new AttendantMenu(row.getLong("id"), row.getLong("tenant_id"), row.getString("menu_number"),
                row.getString("menu_name"), row.getString("greeting"), row.getBoolean("dial_by_extension"),
                row.getInt("timeout_seconds"), row.getInt("max_retries"), row.getString("operator_extension"),
                List.of());
    }
}
