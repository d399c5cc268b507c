package com.crosspoint.store;

import static com.crosspoint.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.model.Device;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.Role;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.store.CdrStore.CdrFilter;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link TenantStore} shows; implemented by one test class per store implementation. */
public interface TenantStoreContract {
    Stores stores();

    private TenantStore tenants() {
        return stores().tenants();
    }

    @Test
    default void createdTenantIsFoundByIdAndDomain() {
        String domain = StoreFixtures.unique("pbx") + ".example.com";
        Tenant created = tenants().create("Example Inc", domain);

        assertThat(created.id()).isPositive();
        assertThat(created).isEqualTo(new Tenant(created.id(), "Example Inc", domain));
        assertThat(tenants().find(created.id())).contains(created);
        assertThat(tenants().findByDomain(domain)).contains(created);
    }

    @Test
    default void unknownTenantIsAbsent() {
        assertThat(tenants().find(Long.MAX_VALUE)).isEmpty();
        assertThat(tenants().findByDomain("nobody.example.invalid")).isEmpty();
    }

    @Test
    default void listHoldsTenantsInCreationOrder() {
        Tenant first = StoreFixtures.tenant(stores());
        Tenant second = StoreFixtures.tenant(stores());

        List<Tenant> listed = tenants().list();

        assertThat(listed).containsSubsequence(first, second);
    }

    @Test
    default void domainIsUnique() {
        Tenant existing = StoreFixtures.tenant(stores());

        assertThatThrownBy(() -> tenants().create("Other", existing.domain()))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.field()).isEqualTo("domain"));
        assertThat(tenants().list()).filteredOn(t -> t.domain().equals(existing.domain())).hasSize(1);
    }

    @Test
    default void updateChangesNameAndDomain() {
        Tenant tenant = StoreFixtures.tenant(stores());
        Tenant renamed = new Tenant(tenant.id(), "Renamed", StoreFixtures.unique("new") + ".example.com");

        assertThat(tenants().update(renamed)).isEqualTo(renamed);

        assertThat(tenants().find(tenant.id())).contains(renamed);
        assertThat(tenants().findByDomain(tenant.domain())).isEmpty();
    }

    @Test
    default void updateToTakenDomainFailsAndKeepsTheTenant() {
        Tenant tenant = StoreFixtures.tenant(stores());
        Tenant other = StoreFixtures.tenant(stores());

        assertThatThrownBy(() -> tenants().update(new Tenant(tenant.id(), "X", other.domain())))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.field()).isEqualTo("domain"));
        assertThat(tenants().find(tenant.id())).contains(tenant);
    }

    @Test
    default void updateOfUnknownTenantFails() {
        assertThatThrownBy(() -> tenants().update(new Tenant(Long.MAX_VALUE, "X", "x.example.invalid")))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    default void deleteReportsWhetherTheTenantExisted() {
        Tenant tenant = StoreFixtures.tenant(stores());

        assertThat(tenants().delete(tenant.id())).isTrue();
        assertThat(tenants().delete(tenant.id())).isFalse();
        assertThat(tenants().find(tenant.id())).isEmpty();
    }

    @Test
    default void deleteRemovesEverythingOfTheTenantAndNothingElse() {
        Tenant doomed = StoreFixtures.tenant(stores());
        Tenant kept = StoreFixtures.tenant(stores());
        fillTenant(doomed);
        fillTenant(kept);

        tenants().delete(doomed.id());

        assertThat(stores().users().list(doomed.id())).isEmpty();
        assertThat(stores().devices().listByTenant(doomed.id())).isEmpty();
        assertThat(StoreFixtures.bindingsOf(stores(), doomed)).isEmpty();
        assertThat(stores().messages().history(doomed.id(), null, null, 0, 10)).isEmpty();
        assertThat(stores().cdrs().count(doomed.id(), CdrFilter.any())).isZero();
        assertThat(stores().admins().list()).noneMatch(a -> Long.valueOf(doomed.id()).equals(a.tenantId()));

        assertThat(stores().users().list(kept.id())).hasSize(1);
        assertThat(stores().devices().listByTenant(kept.id())).hasSize(1);
        assertThat(StoreFixtures.bindingsOf(stores(), kept)).hasSize(1);
        assertThat(stores().messages().history(kept.id(), null, null, 0, 10)).hasSize(1);
        assertThat(stores().cdrs().count(kept.id(), CdrFilter.any())).isEqualTo(1);
        assertThat(stores().admins().list()).filteredOn(a -> Long.valueOf(kept.id()).equals(a.tenantId())).hasSize(1);
    }

    private void fillTenant(Tenant tenant) {
        User user = StoreFixtures.user(stores(), tenant);
        Device device = StoreFixtures.device(stores(), user);
        stores().bindings().apply(List.of(StoreFixtures.binding(tenant, user, device, "sip:a@192.0.2.1")), List.of());
        stores().messages().save(StoreFixtures.message(tenant, user.extension(), "999", T0));
        stores().cdrs().save(StoreFixtures.call(tenant, user.extension(), "999", T0,
                Disposition.ANSWERED));
        stores().admins().create(StoreFixtures.unique("admin"), "hash", Role.ADMIN, tenant.id());
    }
}
