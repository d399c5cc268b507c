package com.crosspoint.store;

import com.crosspoint.model.ConferenceRoom;
import java.util.List;
import java.util.Optional;

/** Conference rooms of tenants. */
public interface ConferenceStore {
    /**
     * Stores a new room (the id of {@code room} is ignored).
     *
     * @throws DuplicateKeyException (field {@code number}) when the tenant has a room with that number
     */
    ConferenceRoom create(ConferenceRoom room);

    Optional<ConferenceRoom> find(long id);

    Optional<ConferenceRoom> findByNumber(long tenantId, String number);

    /** The tenant's rooms, by number. */
    List<ConferenceRoom> list(long tenantId);

    /**
     * Replaces number, name, PIN hash and size.
     *
     * @throws java.util.NoSuchElementException when there is no such room
     * @throws DuplicateKeyException (field {@code number}) when another room of the tenant has the number
     */
    ConferenceRoom update(ConferenceRoom room);

    /** False when absent. */
    boolean delete(long id);
}
