package com.crosspoint.store.derby;

import com.crosspoint.store.BillingAccountStoreContract;
import com.crosspoint.store.Stores;
import org.junit.jupiter.api.extension.RegisterExtension;

class DerbyBillingAccountStoreTest implements BillingAccountStoreContract {
    @RegisterExtension
    static final DerbyStoresExtension DATABASE = new DerbyStoresExtension();

    @Override
    public Stores stores() {
        return DATABASE.stores();
    }
}
