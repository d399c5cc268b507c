package com.crosspoint.store.derby;

import com.crosspoint.store.Stores;
import com.crosspoint.store.AttendantMenuStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class DerbyAttendantMenuStoreTest implements AttendantMenuStoreContract {
    @RegisterExtension
    static final DerbyStoresExtension DATABASE = new DerbyStoresExtension();

    @Override
    public Stores stores() {
        return DATABASE.stores();
    }
}
