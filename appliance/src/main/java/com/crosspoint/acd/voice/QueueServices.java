package com.crosspoint.acd.voice;

import com.crosspoint.acd.ContactCenter;
import com.crosspoint.acd.QueueCalls;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.media.engine.AudioSource;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a queue's voice application needs from the appliance.
 *
 * @param music     a fresh player of the music on hold for each caller
 * @param mailboxes the application that takes a message for an extension of a tenant (a queue's voicemail
 *                  overflow), or empty when there is no such user or no voicemail
 */
public record QueueServices(ContactCenter center, QueueCalls calls, Supplier<AudioSource> music, Clock clock,
                            MailboxLookup mailboxes) {
    /** An overflow target naming a user's mailbox: {@code voicemail:<extension>}. */
    public static final String VOICEMAIL = "voicemail:";

    /** Finds the mailbox application of a user. */
    @FunctionalInterface
    public interface MailboxLookup {
        Optional<CallApplication> deposit(long tenantId, String extension);
    }

    Optional<CallApplication> mailbox(long tenantId, String extension) {
        return mailboxes.deposit(tenantId, extension);
    }
}
