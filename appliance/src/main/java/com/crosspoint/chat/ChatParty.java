package com.crosspoint.chat;

/** Who wrote a line of a chat, or who ended it ({@code SYSTEM}: the appliance, e.g. the visitor never came back). */
public enum ChatParty {
    VISITOR, AGENT, SYSTEM;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
