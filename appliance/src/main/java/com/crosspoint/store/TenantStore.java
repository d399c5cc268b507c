package com.crosspoint.store;

import com.crosspoint.model.Tenant;
import java.util.List;
import java.util.Optional;

public interface TenantStore {
    /** @throws DuplicateKeyException when the domain is taken */
    Tenant create(String name, String domain);

    Optional<Tenant> find(long id);

    Optional<Tenant> findByDomain(String domain);

    List<Tenant> list();

    /** @throws DuplicateKeyException when the new domain is taken */
    Tenant update(Tenant tenant);

    /** Deletes the tenant with its users, devices, bindings, messages and CDRs; false when absent. */
    boolean delete(long id);
}
