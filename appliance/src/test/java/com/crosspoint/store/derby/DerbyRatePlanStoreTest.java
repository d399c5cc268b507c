package com.crosspoint.store.derby;

import com.crosspoint.store.RatePlanStoreContract;
import com.crosspoint.store.Stores;
import org.junit.jupiter.api.extension.RegisterExtension;

class DerbyRatePlanStoreTest implements RatePlanStoreContract {
    @RegisterExtension
    static final DerbyStoresExtension DATABASE = new DerbyStoresExtension();

    @Override
    public Stores stores() {
        return DATABASE.stores();
    }
}
