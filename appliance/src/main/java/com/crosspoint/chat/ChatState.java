package com.crosspoint.chat;

/** Where a visitor's chat stands: waiting in its queue, offered to one agent, answered, or over. */
public enum ChatState {
    WAITING, OFFERED, ACTIVE, ENDED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
