package com.crosspoint.sip.mwi;

import com.crosspoint.model.MailboxCounts;

/**
 * The {@code application/simple-message-summary} body of RFC 3842 §5.2: whether messages wait,
 * for which account, and voice messages as new/old. Urgent counts are always zero here.
 */
public final class MessageSummary {
    public static final String EVENT = "message-summary";
    public static final String CONTENT_TYPE = "application";
    public static final String CONTENT_SUBTYPE = "simple-message-summary";

    private MessageSummary() {
    }

    public static String body(String account, MailboxCounts counts) {
        return "Messages-Waiting: " + (counts.newMessages() > 0 ? "yes" : "no") + "\r\n"
                + "Message-Account: " + account + "\r\n"
                + "Voice-Message: " + counts.newMessages() + "/" + counts.savedMessages() + " (0/0)\r\n";
    }
}
