package com.crosspoint.store;

import com.crosspoint.model.AttendantMenu;
import java.util.List;
import java.util.Optional;

/** Auto-attendant menus with their key options; a menu and its options are written together. */
public interface AttendantMenuStore {
    /**
     * Stores a new menu (its id is ignored) and returns it with the id assigned.
     *
     * @throws DuplicateKeyException (field {@code number}) when the tenant already has a menu with that number
     */
    AttendantMenu create(AttendantMenu menu);

    Optional<AttendantMenu> find(long id);

    Optional<AttendantMenu> findByNumber(long tenantId, String number);

    /** The tenant's menus by id. */
    List<AttendantMenu> list(long tenantId);

    /**
     * Replaces number, name, settings and every option of the menu (never its tenant).
     *
     * @throws java.util.NoSuchElementException when there is no such menu
     * @throws DuplicateKeyException            (field {@code number}) when another menu has the number
     */
    AttendantMenu update(AttendantMenu menu);

    /** Deletes the menu and its options; false when it did not exist. */
    boolean delete(long id);
}
