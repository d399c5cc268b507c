package com.crosspoint.acd;

import java.time.Instant;
import java.util.Objects;

/**
 * One agent's state across voice and chat, immutable; {@link AgentBoard} swaps it whole. An agent has one
 * {@link AgentStatus} for calls and a count of chats beside it, up to {@code chatCapacity}: a chat never makes an
 * agent "busy" for the board, but a queue may refuse to offer a call to an agent in a chat, or a chat to an agent
 * on a call ({@link #canTakeCall}, {@link #canTakeChat}).
 *
 * @param pauseReason     why the agent is paused ({@link #AUTO_PAUSE} after missed offers); null otherwise
 * @param missed          offers not answered in a row (reset by an answered call)
 * @param since           when the status last changed
 * @param lastCallEnded   when the last queue call ended (null: none since logging in), for longest-idle
 * @param callsAnswered   queue calls answered since logging in, for fewest-calls
 * @param wrapUpUntil     end of the wrap-up time (null unless {@link AgentStatus#WRAP_UP})
 * @param chats           chats the agent is in now
 * @param chatCapacity    the most chats at once (0: the agent takes no chats)
 */
public record AgentState(long tenantId, long userId, String extension, AgentStatus status, String pauseReason,
                         int missed, Instant since, Instant lastCallEnded, int callsAnswered, Instant wrapUpUntil,
                         int chats, int chatCapacity) {
    /** The pause reason set when an agent missed too many offers in a row. */
    public static final String AUTO_PAUSE = "missed";
    /** The longest pause reason kept. */
    public static final int MAX_REASON = 64;

    public AgentState {
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
        if (missed < 0 || callsAnswered < 0 || chats < 0 || chatCapacity < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }

    /** A logged-out agent. */
    public static AgentState loggedOut(long tenantId, long userId, String extension, int chatCapacity, Instant now) {
        return new AgentState(tenantId, userId, extension, AgentStatus.LOGGED_OUT, null, 0, now, null, 0, null, 0,
                chatCapacity);
    }

    /** Whether a queue call may be offered now; {@code whileChatting}: the queue allows it during chats. */
    public boolean canTakeCall(boolean whileChatting) {
        return status == AgentStatus.AVAILABLE && (whileChatting || chats == 0);
    }

    /** Whether one more chat may be offered now; {@code whileOnCall}: the queue allows chats during calls. */
    public boolean canTakeChat(boolean whileOnCall) {
        boolean free = status == AgentStatus.AVAILABLE || status == AgentStatus.WRAP_UP
                || whileOnCall && (status == AgentStatus.ON_CALL || status == AgentStatus.RINGING);
        return free && chats < chatCapacity;
    }

    AgentState with(AgentStatus next, String reason, Instant now) {
        return new AgentState(tenantId, userId, extension, next, reason, missed, now, lastCallEnded, callsAnswered,
                null, chats, chatCapacity);
    }

    AgentState login(Instant now) {
        return new AgentState(tenantId, userId, extension, AgentStatus.AVAILABLE, null, 0, now, null, 0, null, chats,
                chatCapacity);
    }

    AgentState missedOffer(int missesBeforePause, Instant now) {
        int count = missed + 1;
        boolean pause = missesBeforePause > 0 && count >= missesBeforePause;
        return new AgentState(tenantId, userId, extension, pause ? AgentStatus.PAUSED : AgentStatus.AVAILABLE,
                pause ? AUTO_PAUSE : null, count, now, lastCallEnded, callsAnswered, null, chats, chatCapacity);
    }

    AgentState answered(Instant now) {
        return new AgentState(tenantId, userId, extension, AgentStatus.ON_CALL, null, 0, now, lastCallEnded,
                callsAnswered + 1, null, chats, chatCapacity);
    }

    AgentState callEnded(int wrapUpSeconds, Instant now) {
        AgentStatus next = wrapUpSeconds > 0 ? AgentStatus.WRAP_UP : AgentStatus.AVAILABLE;
        return new AgentState(tenantId, userId, extension, next, null, missed, now, now, callsAnswered,
                wrapUpSeconds > 0 ? now.plusSeconds(wrapUpSeconds) : null, chats, chatCapacity);
    }

    AgentState chats(int count, int capacity) {
        return new AgentState(tenantId, userId, extension, status, pauseReason, missed, since, lastCallEnded,
                callsAnswered, wrapUpUntil, count, capacity);
    }
}
