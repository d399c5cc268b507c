package com.crosspoint.store;

import com.crosspoint.chat.LeftMessage;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Messages visitors left in chat queues nobody answered, per tenant and queue; deleted with their tenant. */
public interface LeftMessageStore {
    /** Commits a new message (its id is ignored) and returns it with its id. */
    LeftMessage add(LeftMessage message);

    Optional<LeftMessage> find(long tenantId, long id);

    /** The tenant's messages in {@code queues} (all queues when null), newest first; open ones only if asked. */
    List<LeftMessage> list(long tenantId, Collection<String> queues, boolean openOnly, int limit);

    /** Marks an open message handled; false when there is none or it was handled already. */
    boolean markHandled(long tenantId, long id, String by, Instant at);

    /** The tenant's open messages (all queues). */
    int countOpen(long tenantId);

    /** Per queue of the tenant: {left, still open}. */
    Map<String, int[]> countsByQueue(long tenantId);
}
