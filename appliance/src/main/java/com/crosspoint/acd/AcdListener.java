package com.crosspoint.acd;

/** What the contact center reports as it changes (live events, the stored agent state). Outside its lock. */
public interface AcdListener {
    AcdListener NONE = new AcdListener() {
    };

    default void agentChanged(AgentState state) {
    }

    default void queueChanged(QueueStats stats) {
    }

    /** An entry's wait ended (abandoned, overflowed) or its agent's call did (answered): for the history. */
    default void callRecorded(QueueCallRecord record) {
    }

    /** A callback was asked for, tried, served or given up. */
    default void callbackChanged(CallbackReport report) {
    }
}
