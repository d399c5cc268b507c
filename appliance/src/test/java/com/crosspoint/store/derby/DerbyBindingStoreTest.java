package com.crosspoint.store.derby;

import com.crosspoint.store.BindingStoreContract;
import com.crosspoint.store.Stores;
import org.junit.jupiter.api.extension.RegisterExtension;

class DerbyBindingStoreTest implements BindingStoreContract {
    @RegisterExtension
    static final DerbyStoresExtension DATABASE = new DerbyStoresExtension();

    @Override
    public Stores stores() {
        return DATABASE.stores();
    }
}
