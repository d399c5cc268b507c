package com.crosspoint.chat;

/** Something a visitor or agent sent is not acceptable; {@code field} names what (for a 400 or an error frame). */
public final class InvalidChatInput extends RuntimeException {
    private final String field;

    public InvalidChatInput(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
