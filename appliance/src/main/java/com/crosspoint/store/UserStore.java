package com.crosspoint.store;

import com.crosspoint.model.CallSettings;
import com.crosspoint.model.User;
import java.util.List;
import java.util.Optional;

public interface UserStore {
    /** @throws DuplicateKeyException when the extension is taken in the tenant */
    User create(long tenantId, String extension, String displayName, String email, CallSettings settings);

    Optional<User> find(long id);

    Optional<User> findByExtension(long tenantId, String extension);

    List<User> list(long tenantId);

    /** Every user of every tenant, for the in-memory directory at start-up. */
    List<User> listAll();

    /** @throws DuplicateKeyException when the new extension is taken in the tenant */
    User update(User user);

    /** Deletes the user with their devices and bindings; false when absent. */
    boolean delete(long id);

    /** Stores the hash of the user's web (dashboard) password; null removes it. */
    void setWebPasswordHash(long userId, String passwordHash);

    Optional<String> webPasswordHash(long userId);
}
