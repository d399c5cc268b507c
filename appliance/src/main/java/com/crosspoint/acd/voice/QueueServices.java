package com.crosspoint.acd.voice;

import com.crosspoint.acd.ContactCenter;
import com.crosspoint.acd.QueueCalls;
import com.crosspoint.acd.QueueConfig;
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
 * @param callbacks what keeps the place of a caller who asked to be called back
 */
public record QueueServices(ContactCenter center, QueueCalls calls, Supplier<AudioSource> music, Clock clock,
                            MailboxLookup mailboxes, PlaceKeeper callbacks) {
    /** An overflow target naming a user's mailbox: {@code voicemail:<extension>}. */
    public static final String VOICEMAIL = "voicemail:";

    /** Finds the mailbox application of a user. */
    @FunctionalInterface
    public interface MailboxLookup {
        Optional<CallApplication> deposit(long tenantId, String extension);
    }

    /** Keeps a waiting caller's place as a callback to {@code number}; false when the entry no longer waits. */
    @FunctionalInterface
    public interface PlaceKeeper {
        boolean keep(QueueConfig queue, long entryId, String number, String name);
    }

    Optional<CallApplication> mailbox(long tenantId, String extension) {
        return mailboxes.deposit(tenantId, extension);
    }
}
