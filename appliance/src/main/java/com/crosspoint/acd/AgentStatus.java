package com.crosspoint.acd;

/** What an agent is doing, one value for voice and chat alike (chats are counted beside it). */
public enum AgentStatus {
    LOGGED_OUT,
    /** Logged in and free for a call. */
    AVAILABLE,
    /** A queue call is being offered to the agent's phones. */
    RINGING,
    ON_CALL,
    /** After a call, for the queue's wrap-up time: no new call yet. */
    WRAP_UP,
    /** Logged in but taking nothing, with a reason (or auto-paused after missed offers). */
    PAUSED;

    /** Whether the agent counts as logged in (present for the queues). */
    public boolean loggedIn() {
        return this != LOGGED_OUT;
    }
}
