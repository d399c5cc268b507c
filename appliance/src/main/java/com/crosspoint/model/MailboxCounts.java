package com.crosspoint.model;

/** How many messages a mailbox holds; what MWI (RFC 3842) reports as "Voice-Message: new/old". */
public record MailboxCounts(int newMessages, int savedMessages) {

    public static final MailboxCounts EMPTY = new MailboxCounts(0, 0);

    public MailboxCounts {
        if (newMessages < 0 || savedMessages < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
