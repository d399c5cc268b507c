package com.crosspoint.routing;

import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import java.util.Optional;

/** The contact center's queue numbers of a tenant: a queue dialled, reached through a DID or a menu key. */
@FunctionalInterface
public interface QueueNumbers {
    /** No contact center. */
    QueueNumbers NONE = (tenant, caller, number) -> Optional.empty();

    /** The queue {@code caller} reaches by dialling {@code number} in {@code tenant}, with its application. */
    Optional<Destination.Queue> queue(Tenant tenant, User caller, String number);
}
