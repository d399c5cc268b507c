package com.crosspoint.store;

import com.crosspoint.model.Device;
import java.util.List;
import java.util.Optional;

public interface DeviceStore {
    /** @throws DuplicateKeyException when the SIP username is taken in the tenant */
    Device create(long tenantId, long userId, String sipUsername, String ha1Md5, String ha1Sha256);

    Optional<Device> find(long id);

    Optional<Device> findBySipUsername(long tenantId, String sipUsername);

    List<Device> listByUser(long userId);

    List<Device> listByTenant(long tenantId);

    /** Every device of every tenant, for the in-memory credential cache at start-up. */
    List<Device> listAll();

    /** Replaces the stored hashes (password change). */
    Device updateCredentials(long id, String ha1Md5, String ha1Sha256);

    /** Deletes the device and its bindings; false when absent. */
    boolean delete(long id);
}
