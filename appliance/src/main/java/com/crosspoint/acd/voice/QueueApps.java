package com.crosspoint.acd.voice;

import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.routing.Destination;
import com.crosspoint.routing.QueueNumbers;
import java.util.Optional;

/** The dial plan's queue step: a queue number of the tenant is answered by a new {@link QueueApp}. */
public final class QueueApps implements QueueNumbers {
    private final QueueServices services;

    public QueueApps(QueueServices services) {
        this.services = services;
    }

    @Override
    public Optional<Destination.Queue> queue(Tenant tenant, User caller, String number) {
        return services.center().queueByNumber(tenant.id(), number).map(q -> new Destination.Queue(q.id(),
                q.number(), new QueueApp(q, caller.extension(), caller.displayName(), services)));
    }
}
