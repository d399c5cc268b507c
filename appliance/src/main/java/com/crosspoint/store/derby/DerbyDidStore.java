package com.crosspoint.store.derby;

import com.crosspoint.model.Did;
import com.crosspoint.store.DidStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

final class DerbyDidStore implements DidStore {
    private static final Table DID = Table.named("did").fixed("tenant_id")
            .columns("did_number", "extension", "main_number").key("id");

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyDidStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    @Override
    public Did create(Did given) {
        Did did = new Did(ids.next("did"), given.tenantId(), given.number(), given.extension(), given.main());
        tx.run(sql -> {
            takeMainFromOthers(sql, did);
            return sql.insert(DID, row(did));
        }, numberTaken(did.number()));
        return did;
    }

    @Override
    public Optional<Did> findByNumber(String number) {
        return tx.run(sql -> sql.first(DID.select("WHERE did_number = ?"), DerbyDidStore::map, number));
    }

    @Override
    public List<Did> list(long tenantId) {
        return tx.run(sql -> sql.list(DID.select("WHERE tenant_id = ? ORDER BY did_number"), DerbyDidStore::map,
                tenantId));
    }

    /** @throws NoSuchElementException when no DID has the id */
    @Override
    public Did update(Did did) {
        tx.run(sql -> {
            takeMainFromOthers(sql, did);
            if (sql.update(DID, row(did)) == 0) {
                throw new NoSuchElementException("no DID " + did.id());
            }
            return null;
        }, numberTaken(did.number()));
        return did;
    }

    @Override
    public boolean delete(long id) {
        return tx.run(sql -> sql.update(DID.delete(), id) > 0);
    }

    /** A tenant has one main number: a DID becoming main takes the flag from the one that had it. */
    private static void takeMainFromOthers(Sql sql, Did did) throws SQLException {
        if (did.main()) {
            sql.update("UPDATE did SET main_number = FALSE WHERE tenant_id = ? AND main_number AND id <> ?",
                    did.tenantId(), did.id());
        }
    }

    private static Transactions.Unique numberTaken(String number) {
        return new Transactions.Unique("number", "the DID " + number + " already exists");
    }

    private static Object[] row(Did d) {
        return new Object[] {d.tenantId(), d.number(), d.extension(), d.main(), d.id()};
    }

    private static Did map(ResultSet row) throws SQLException {
        return new Did(row.getLong("id"), row.getLong("tenant_id"), row.getString("did_number"),
                row.getString("extension"), row.getBoolean("main_number"));
    }
}
