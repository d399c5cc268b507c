package com.crosspoint.store;

import com.crosspoint.model.InstantMessage;
import java.time.Instant;
import java.util.List;

/** Instant messages: every message is kept as history; undelivered ones wait for a registration. */
public interface MessageStore {
    /** Commits the message (deliveredAt may be null) and returns it with its id. */
    InstantMessage save(InstantMessage message);

    void markDelivered(long id, Instant deliveredAt);

    /** Undelivered messages for one recipient, oldest first. */
    List<InstantMessage> pendingFor(long tenantId, String toExtension);

    /**
     * History of a tenant, newest first. {@code extension} (nullable) keeps messages from or to it;
     * {@code peer} (nullable) further keeps the conversation between extension and peer.
     */
    List<InstantMessage> history(long tenantId, String extension, String peer, int offset, int limit);
}
