package com.crosspoint.store.derby;

import com.crosspoint.store.DeviceStoreContract;
import com.crosspoint.store.Stores;
import org.junit.jupiter.api.extension.RegisterExtension;

class DerbyDeviceStoreTest implements DeviceStoreContract {
    @RegisterExtension
    static final DerbyStoresExtension DATABASE = new DerbyStoresExtension();

    @Override
    public Stores stores() {
        return DATABASE.stores();
    }
}
