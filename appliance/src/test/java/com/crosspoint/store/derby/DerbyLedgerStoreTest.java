package com.crosspoint.store.derby;

import com.crosspoint.store.LedgerStoreContract;
import com.crosspoint.store.Stores;
import org.junit.jupiter.api.extension.RegisterExtension;

class DerbyLedgerStoreTest implements LedgerStoreContract {
    @RegisterExtension
    static final DerbyStoresExtension DATABASE = new DerbyStoresExtension();

    @Override
    public Stores stores() {
        return DATABASE.stores();
    }
}
