package com.crosspoint.store;

import com.crosspoint.model.Carrier;
import java.util.List;
import java.util.Optional;

/** Carriers of the call router. Deleting a carrier deletes its rate decks. */
public interface CarrierStore {
    /**
     * Stores a new carrier (its id is ignored) and returns it with the id assigned.
     *
     * @throws DuplicateKeyException (field {@code name}) when a carrier has that name
     */
    Carrier create(Carrier carrier);

    Optional<Carrier> find(long id);

    Optional<Carrier> findByName(String name);

    /** Every carrier, by name. */
    List<Carrier> list();

    /**
     * Replaces every field of the carrier with the id of {@code carrier}.
     *
     * @throws java.util.NoSuchElementException when there is no such carrier
     * @throws DuplicateKeyException            (field {@code name}) when another carrier has the name
     */
    Carrier update(Carrier carrier);

    /** Takes the carrier out of service or back; false when there is no such carrier. */
    boolean setInService(long id, boolean inService);

    /** Deletes the carrier and its decks; false when it did not exist. */
    boolean delete(long id);
}
