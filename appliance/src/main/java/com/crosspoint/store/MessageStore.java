package com.crosspoint.store;

import com.crosspoint.model.Conversation;
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

    /**
     * Marks every unread message from {@code fromExtension} to {@code toExtension} read at
     * {@code at}, and delivered at {@code at} when it was not yet (read in the browser, it must not
     * go to a phone later). Returns how many messages changed.
     */
    int markRead(long tenantId, String toExtension, String fromExtension, Instant at);

    /**
     * The conversations of {@code extension}: one per peer it exchanged messages with, newest
     * conversation first, each with its newest message and the count of unread messages to
     * {@code extension}.
     */
    List<Conversation> conversations(long tenantId, String extension);
}
