package com.crosspoint.events;

import java.util.Locale;

/**
 * A tenant, user or device was created, changed or deleted. Published only after the store
 * committed the change, one event per committed change and in commit order, so that a follower (the
 * {@code Directory}, a cache, another node, the console) that applies them in order holds what the
 * store holds. Deleting a tenant deletes its users and devices, deleting a user its devices: the
 * follower removes those itself, no event comes for each.
 *
 * <p>The value is the model object, as it is after the change (for DELETED: as it was before). A
 * device's carries its HA1 hashes, which the directory needs for digest authentication: they never
 * leave the process, because whatever does (the event stream) maps the event to a DTO without them.
 */
public sealed interface ProvisioningEvent extends Event permits TenantEvent, UserEvent, DeviceEvent {

    enum Kind {
        CREATED, CHANGED, DELETED;

        /** The wire name of this kind of change to {@code entity}, e.g. {@code user.created}. */
        String typeOf(String entity) {
            return entity + "." + name().toLowerCase(Locale.ROOT);
        }
    }

    Kind kind();

    default boolean deleted() {
        return kind() == Kind.DELETED;
    }
}
