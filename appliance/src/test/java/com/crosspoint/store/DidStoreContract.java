package com.crosspoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.model.Did;
import com.crosspoint.model.Tenant;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link DidStore} shows. */
public interface DidStoreContract {
    Stores stores();

    private DidStore dids() {
        return stores().dids();
    }

    private Did did(Tenant t, String number, String extension, boolean main) {
        return dids().create(new Did(0, t.id(), number, extension, main));
    }

    @Test
    default void createdDidGetsAnIdAndIsFoundByNumber() {
        Tenant t = StoreFixtures.tenant(stores());
        Did saved = did(t, "+12125550100", "1001", true);

        assertThat(saved.id()).isPositive();
        assertThat(saved).isEqualTo(new Did(saved.id(), t.id(), "+12125550100", "1001", true));
        assertThat(dids().findByNumber("+12125550100")).contains(saved);
        assertThat(dids().findByNumber("+12125550101")).isEmpty();
    }

    @Test
    default void aNumberBelongsToOneTenantOnly() {
        Tenant a = StoreFixtures.tenant(stores());
        Tenant b = StoreFixtures.tenant(stores());
        did(a, "+12125550110", "1001", false);

        assertThatThrownBy(() -> did(b, "+12125550110", "2001", false)).isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("+12125550110")
                .satisfies(e -> assertThat(((DuplicateKeyException) e).field()).isEqualTo("number"));
    }

    @Test
    default void aTenantHasOneMainNumberAndOthersKeepTheirs() {
        Tenant a = StoreFixtures.tenant(stores());
        Tenant b = StoreFixtures.tenant(stores());
        Did first = did(a, "+12125550120", "1001", true);
        Did otherTenants = did(b, "+12125550121", "2001", true);
        Did second = did(a, "+12125550122", "1002", true);

        assertThat(dids().list(a.id())).containsExactly(
                new Did(first.id(), a.id(), "+12125550120", "1001", false), second);
        assertThat(dids().list(b.id())).containsExactly(otherTenants);

        Did firstAgain = dids().update(new Did(first.id(), a.id(), "+12125550120", "1003", true));
        assertThat(dids().list(a.id())).containsExactly(firstAgain,
                new Did(second.id(), a.id(), "+12125550122", "1002", false));
    }

    @Test
    default void updatingOrDeletingWhatIsNotThereSaysSo() {
        Tenant t = StoreFixtures.tenant(stores());
        assertThatThrownBy(() -> dids().update(new Did(999_999, t.id(), "+12125550130", "1001", false)))
                .isInstanceOf(NoSuchElementException.class);
        Did d = did(t, "+12125550131", "1001", false);
        assertThat(dids().delete(d.id())).isTrue();
        assertThat(dids().delete(d.id())).isFalse();
        assertThat(dids().findByNumber("+12125550131")).isEmpty();
    }

    @Test
    default void deletingTheTenantDeletesItsDids() {
        Tenant t = StoreFixtures.tenant(stores());
        did(t, "+12125550140", "1001", false);
        stores().tenants().delete(t.id());
        assertThat(dids().findByNumber("+12125550140")).isEmpty();
    }
}
