package com.crosspoint.store.derby;

import com.crosspoint.store.Stores;
import com.crosspoint.store.VoicemailStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class DerbyVoicemailStoreTest implements VoicemailStoreContract {
    @RegisterExtension
    static final DerbyStoresExtension DATABASE = new DerbyStoresExtension();

    @Override
    public Stores stores() {
        return DATABASE.stores();
    }
}
