package com.crosspoint.store;

import com.crosspoint.model.MailboxCounts;
import com.crosspoint.model.Voicemail;
import com.crosspoint.model.VoicemailFolder;
import java.util.List;
import java.util.Optional;

/** Voicemail rows and mailbox PINs. Files are the voicemail service's business; rows only name them. */
public interface VoicemailStore {
    /** Commits the message (its id is ignored) and returns it with the id assigned. */
    Voicemail save(Voicemail voicemail);

    Optional<Voicemail> find(long id);

    /** One folder of a user's mailbox, oldest first: the order a mailbox plays them. */
    List<Voicemail> list(long userId, VoicemailFolder folder);

    /** Every message of a user, newest first (dashboards). */
    List<Voicemail> listAll(long userId);

    /** Every file name any row refers to, for the start-up sweep of orphaned recordings. */
    List<String> allFiles();

    MailboxCounts counts(long userId);

    /** Moves a message to another folder; false when it does not exist. */
    boolean move(long id, VoicemailFolder folder);

    /** Deletes the row; false when it did not exist. The caller deletes the file afterwards. */
    boolean delete(long id);

    /** The PBKDF2 hash of the user's mailbox PIN, when one is set. */
    Optional<String> pinHash(long userId);

    void setPinHash(long userId, String pinHash);
}
