package com.crosspoint.store;

import com.crosspoint.chat.ChatLine;
import com.crosspoint.chat.ChatSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Visitor chats and their transcripts: one row per chat, one per line; kept until {@link #deleteEndedBefore}. */
public interface ChatStore {
    /** Commits a new chat (its lines and id are ignored) and returns its id. */
    long create(ChatSnapshot chat);

    /** Appends a line to the transcript of chat {@code chatId}. */
    void addLine(long chatId, ChatLine line);

    /** Writes state, agent, answer and end of a chat ({@code chat.id()} must exist). */
    void update(ChatSnapshot chat);

    /** A chat of the tenant with its whole transcript. */
    Optional<ChatSnapshot> find(long tenantId, long chatId);

    /**
     * Chats of a tenant without their lines, newest first; {@code agentUserId} (nullable) keeps those that agent
     * answered.
     */
    List<ChatSnapshot> list(long tenantId, Long agentUserId, int offset, int limit);

    /**
     * Chats of a tenant created in [{@code from}, {@code to}), without their lines, oldest first, at most
     * {@code limit}: what the statistics are computed from.
     */
    List<ChatSnapshot> createdBetween(long tenantId, Instant from, Instant to, int limit);

    /** How many chats {@link #list} would give without paging. */
    int count(long tenantId, Long agentUserId);

    /** Deletes chats that ended before {@code cutoff}, with their lines; returns how many. */
    int deleteEndedBefore(Instant cutoff);

    /** Ends every chat still open (left so by a stop or crash) as ended by the system at {@code at}; how many. */
    int endOpen(Instant at);
}
