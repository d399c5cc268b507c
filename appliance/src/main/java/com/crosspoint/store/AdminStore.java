package com.crosspoint.store;

import com.crosspoint.model.AdminAccount;
import com.crosspoint.model.Role;
import java.util.List;
import java.util.Optional;

public interface AdminStore {
    /** @throws DuplicateKeyException when the username is taken */
    AdminAccount create(String username, String passwordHash, Role role, Long tenantId);

    Optional<AdminAccount> findByUsername(String username);

    List<AdminAccount> list();

    void updatePasswordHash(long id, String passwordHash);

    boolean delete(long id);
}
