package com.crosspoint.api.dto;

import java.util.List;

/** An end user's mailbox: counts, whether a PIN and greetings are set, and every message, newest first. */
public record MailboxDto(int newMessages, int savedMessages, boolean pinSet, boolean busyGreeting,
                         boolean unavailableGreeting, List<VoicemailDto> messages) {

    public MailboxDto {
        messages = List.copyOf(messages);
    }
}
