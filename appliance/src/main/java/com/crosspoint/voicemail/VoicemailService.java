package com.crosspoint.voicemail;

import com.crosspoint.auth.PasswordHasher;
import com.crosspoint.directory.Directory;
import com.crosspoint.events.EventBus;
import com.crosspoint.events.VoicemailEvent;
import com.crosspoint.model.MailboxCounts;
import com.crosspoint.model.User;
import com.crosspoint.model.Voicemail;
import com.crosspoint.model.VoicemailFolder;
import com.crosspoint.provisioning.NotFoundException;
import com.crosspoint.store.VoicemailStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Users' mailboxes: messages left by callers, the folders they move through, greetings and the
 * PIN. What must not be lost is ordered so it cannot be: a message's file is complete and durable
 * (the recorder's {@code WavWriter.finish()}) before its row is committed, and the row is
 * committed before the caller hears "message saved"; deleting removes the row first, then the
 * file, so a crash in between leaves a file the start-up sweep removes, never a row without its file.
 */
public final class VoicemailService {
    /** Shorter recordings are hang-ups at the beep, not messages. */
    public static final long MIN_MESSAGE_MILLIS = 1_000;

    private final VoicemailStore store;
    private final MailboxFiles files;
    private final Directory directory;
    private final EventBus events;
    private final Clock clock;

    public VoicemailService(VoicemailStore store, MailboxFiles files, Directory directory, EventBus events,
                            Clock clock) {
        this.store = store;
        this.files = files;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** Removes recordings that never got their row (a crash between file and row). Run once at start. */
    public int sweepOrphans() {
        return files.sweepOrphans(store.allFiles());
    }

    /** Where a new message for {@code box} is to be recorded (the recorder finishes it there). */
    public Path newRecording(User box) {
        return files.newMessage(box.tenantId(), box.id());
    }

    /**
     * Commits a finished recording as a NEW message and announces it (MWI follows from the event).
     *
     * @param recording       the complete, durable file from {@link #newRecording}
     * @param callerExtension the caller's extension when a user of the tenant, else null
     */
    public Voicemail leave(User box, String callerExtension, String callerName, Path recording, long durationMillis) {
        if (!Files.isRegularFile(recording)) {
            throw new IllegalStateException("recording " + recording + " is not a finished file");
        }
        Voicemail saved = store.save(new Voicemail(0, box.tenantId(), box.id(), callerExtension, callerName,
                clock.instant(), durationMillis, files.relative(recording), VoicemailFolder.NEW));
        publish(VoicemailEvent.Kind.LEFT, saved, box);
        return saved;
    }

    /** Drops a recording that will not become a message (too short, caller gone before the beep). */
    public void discard(Path recording) {
        files.deleteQuietly(recording);
    }

    public MailboxCounts counts(long userId) {
        return store.counts(userId);
    }

    /** One folder, oldest first: the order the phone menu plays them. */
    public List<Voicemail> folder(long userId, VoicemailFolder folder) {
        return store.list(userId, folder);
    }

    /** Every message of the mailbox, newest first (dashboard). */
    public List<Voicemail> all(long userId) {
        return store.listAll(userId);
    }

    /** A message of this user's mailbox. */
    public Voicemail message(long userId, long id) {
        return store.find(id).filter(v -> v.userId() == userId)
                .orElseThrow(() -> new NotFoundException("no voicemail " + id + " in this mailbox"));
    }

    /** The recording of a message of this user's mailbox. */
    public Path audio(long userId, long id) {
        Voicemail v = message(userId, id);
        return files.resolve(v.file()).filter(Files::isRegularFile)
                .orElseThrow(() -> new NotFoundException("the recording of voicemail " + id + " is missing"));
    }

    /** Marks a message heard and kept (NEW → SAVED); no change when it already is. */
    public Voicemail save(long userId, long id) {
        Voicemail v = message(userId, id);
        if (v.folder() == VoicemailFolder.SAVED) {
            return v;
        }
        store.move(id, VoicemailFolder.SAVED);
        Voicemail moved = v.inFolder(VoicemailFolder.SAVED);
        publish(VoicemailEvent.Kind.SAVED, moved, directory.user(userId).orElse(null));
        return moved;
    }

    public void delete(long userId, long id) {
        Voicemail v = message(userId, id);
        if (store.delete(id)) {
            files.resolve(v.file()).ifPresent(files::deleteQuietly);
            publish(VoicemailEvent.Kind.DELETED, v, directory.user(userId).orElse(null));
        }
    }

    /** The user's own greeting of this kind, when one was recorded or uploaded. */
    public Optional<Path> greeting(User box, GreetingKind kind) {
        Path p = files.greeting(box.tenantId(), box.id(), kind);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** Where a new greeting is to be written (a finished WavWriter there replaces the old one atomically). */
    public Path greetingTarget(User box, GreetingKind kind) {
        return files.greeting(box.tenantId(), box.id(), kind);
    }

    public void removeGreeting(User box, GreetingKind kind) {
        files.deleteQuietly(files.greeting(box.tenantId(), box.id(), kind));
    }

    public boolean hasPin(long userId) {
        return store.pinHash(userId).isPresent();
    }

    /** Constant-time check; false when no PIN is set (a mailbox without a PIN cannot be opened). */
    public boolean checkPin(long userId, String pin) {
        String hash = store.pinHash(userId).orElse(null);
        return hash != null && pin != null && PasswordHasher.verify(pin, hash);
    }

    public void setPin(long userId, String pin) {
        store.setPinHash(userId, PasswordHasher.hash(PinPolicy.require(pin, "pin")));
    }

    private void publish(VoicemailEvent.Kind kind, Voicemail v, User box) {
        events.publish(new VoicemailEvent(kind, v, box == null ? null : box.extension(), store.counts(v.userId()),
                clock.instant()));
    }
}
