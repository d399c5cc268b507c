package com.crosspoint.events;

import com.crosspoint.model.MailboxCounts;
import com.crosspoint.model.Voicemail;
import java.time.Instant;

/**
 * A mailbox changed: a message was left, saved (heard) or deleted. Carries the mailbox's counts
 * after the change, which is what message-waiting indication (RFC 3842) tells the phones.
 */
public record VoicemailEvent(Kind kind, Voicemail voicemail, String extension, MailboxCounts counts, Instant at)
        implements Event {

    public enum Kind { LEFT, SAVED, DELETED }

    @Override
    public long tenantId() {
        return voicemail.tenantId();
    }

    @Override
    public String type() {
        return "voicemail." + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
