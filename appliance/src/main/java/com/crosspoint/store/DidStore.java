package com.crosspoint.store;

import com.crosspoint.model.Did;
import java.util.List;
import java.util.Optional;

/** The DIDs of every tenant. */
public interface DidStore {
    /**
     * Stores a new DID (the id of {@code did} is ignored). Making it the tenant's main number takes that from
     * the tenant's previous main DID, in the same commit.
     *
     * @throws DuplicateKeyException (field {@code number}) when any tenant has the number
     */
    Did create(Did did);

    /** The DID with {@code number} (E.164), whichever tenant has it. */
    Optional<Did> findByNumber(String number);

    /** The tenant's DIDs, by number. */
    List<Did> list(long tenantId);

    /**
     * Replaces number, extension and main (main as in {@link #create}).
     *
     * @throws java.util.NoSuchElementException when there is no such DID
     * @throws DuplicateKeyException (field {@code number}) when another DID has the number
     */
    Did update(Did did);

    /** False when absent. */
    boolean delete(long id);
}
