package com.crosspoint.chat;

/**
 * A chat could not start: {@code code} is a short token for the wire ({@code too-many-chats},
 * {@code tenant-busy}, {@code unknown-queue}, ...), the message says it for people.
 */
public final class ChatRefused extends RuntimeException {
    /** Nobody answers the queue now: the visitor may leave a message instead (the connection stays open). */
    public static final String NO_AGENT = "no-agent";

    private final String code;

    public ChatRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
