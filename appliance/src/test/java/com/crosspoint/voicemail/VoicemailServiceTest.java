package com.crosspoint.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.directory.Directory;
import com.crosspoint.events.Event;
import com.crosspoint.events.EventBus;
import com.crosspoint.events.VoicemailEvent;
import com.crosspoint.media.wav.WavWriter;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.MailboxCounts;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.model.Voicemail;
import com.crosspoint.model.VoicemailFolder;
import com.crosspoint.provisioning.NotFoundException;
import com.crosspoint.provisioning.ValidationException;
import com.crosspoint.store.derby.DerbyStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mailboxes on a real Derby database and real files: ordering of file and row, events, sweep, PIN. */
class VoicemailServiceTest {
    private static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    @TempDir
    Path dir;
    private DerbyStores stores;
    private EventBus events;
    private final List<Event> seen = new CopyOnWriteArrayList<>();
    private VoicemailService service;
    private MailboxFiles files;
    private User ann;
    private User ben;

    @BeforeEach
    void start() {
        stores = DerbyStores.open(dir.resolve("db"));
        events = new EventBus(100);
        events.subscribe("test", seen::add);
        Tenant t = stores.tenants().create("T", "t.example.com");
        ann = stores.users().create(t.id(), "1001", "Ann", null, CallSettings.defaults());
        ben = stores.users().create(t.id(), "1002", "Ben", null, CallSettings.defaults());
        files = new MailboxFiles(dir.resolve("voicemail"));
        service = new VoicemailService(stores.voicemails(), files, Directory.load(stores), events,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        events.close();
        stores.close();
    }

    private Path record(User box, int millis) throws IOException {
        Path target = service.newRecording(box);
        try (WavWriter w = WavWriter.create(target)) {
            w.write(new short[millis * 8]);
            return w.finish();
        }
    }

    @Test
    void aLeftMessageIsCommittedWithItsFileAndAnnouncedWithTheCounts() throws IOException {
        Path file = record(ann, 3000);

        Voicemail v = service.leave(ann, "1002", "Ben", file, 3000);

        assertThat(v.folder()).isEqualTo(VoicemailFolder.NEW);
        assertThat(v.receivedAt()).isEqualTo(NOW);
        assertThat(service.audio(ann.id(), v.id())).isEqualTo(file);
        assertThat(service.counts(ann.id())).isEqualTo(new MailboxCounts(1, 0));
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> seen.size() == 1);
        VoicemailEvent e = (VoicemailEvent) seen.get(0);
        assertThat(e.type()).isEqualTo("voicemail.left");
        assertThat(e.extension()).isEqualTo("1001");
        assertThat(e.counts()).isEqualTo(new MailboxCounts(1, 0));
    }

    @Test
    void aRecordingThatIsNotAFinishedFileIsNeverCommitted() throws IOException {
        Path target = service.newRecording(ann);
        try (WavWriter w = WavWriter.create(target)) {
            w.write(new short[8000]);
            assertThatThrownBy(() -> service.leave(ann, null, "x", target, 1000)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(service.counts(ann.id())).isEqualTo(MailboxCounts.EMPTY);
    }

    @Test
    void savingAndDeletingMoveTheCountsAndDeleteTheFile() throws IOException {
        Voicemail first = service.leave(ann, "1002", "Ben", record(ann, 1500), 1500);
        Voicemail second = service.leave(ann, null, "+4930123", record(ann, 1500), 1500);
        Path secondFile = service.audio(ann.id(), second.id());

        service.save(ann.id(), first.id());
        service.delete(ann.id(), second.id());

        assertThat(service.counts(ann.id())).isEqualTo(new MailboxCounts(0, 1));
        assertThat(service.folder(ann.id(), VoicemailFolder.SAVED)).extracting(Voicemail::id).containsExactly(first.id());
        assertThat(secondFile).doesNotExist();
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> seen.size() == 4);
        assertThat(seen).extracting(Event::type)
                .containsExactly("voicemail.left", "voicemail.left", "voicemail.saved", "voicemail.deleted");
        assertThat(((VoicemailEvent) seen.get(3)).counts()).isEqualTo(new MailboxCounts(0, 1));
    }

    @Test
    void nobodyReachesAnotherUsersMessages() throws IOException {
        Voicemail annsMessage = service.leave(ann, null, "x", record(ann, 1200), 1200);

        assertThatThrownBy(() -> service.audio(ben.id(), annsMessage.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.delete(ben.id(), annsMessage.id())).isInstanceOf(NotFoundException.class);
        assertThat(service.counts(ann.id()).newMessages()).isEqualTo(1);
    }

    @Test
    void theStartUpSweepRemovesUncommittedRecordingsAndKeepsEverythingElse() throws IOException {
        Voicemail kept = service.leave(ann, null, "x", record(ann, 1200), 1200);
        Path orphan = record(ann, 1200);  // finished, but the process died before its row
        Path unfinished;
        try (WavWriter w = WavWriter.create(service.newRecording(ben))) {
            w.write(new short[800]);
            unfinished = w.temporary();
        }
        Path greeting = service.greetingTarget(ann, GreetingKind.BUSY);
        Files.write(greeting, new byte[] {1, 2, 3});
        // A writer closed without finish() deletes its own temp file; a killed process leaves one behind.
        Path leftover = unfinished.resolveSibling(".msg-killed.wav.123.part");
        Files.write(leftover, new byte[] {1});

        int removed = service.sweepOrphans();

        assertThat(removed).isEqualTo(2);
        assertThat(orphan).doesNotExist();
        assertThat(leftover).doesNotExist();
        assertThat(service.audio(ann.id(), kept.id())).exists();
        assertThat(greeting).exists();
    }

    @Test
    void pinsAreDigitsAndCheckedAgainstAHash() {
        assertThat(service.checkPin(ann.id(), "1234")).isFalse();
        assertThatThrownBy(() -> service.setPin(ann.id(), "12")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.setPin(ann.id(), "12345678901")).isInstanceOf(ValidationException.class);

        service.setPin(ann.id(), "4321");

        assertThat(service.hasPin(ann.id())).isTrue();
        assertThat(service.checkPin(ann.id(), "4321")).isTrue();
        assertThat(service.checkPin(ann.id(), "4322")).isFalse();
        assertThat(service.checkPin(ben.id(), "4321")).isFalse();
    }

    @Test
    void rowsNeverNameFilesOutsideTheVoicemailDirectory() {
        assertThat(files.resolve("../../etc/passwd")).isEmpty();
        assertThatThrownBy(() -> files.relative(dir.resolve("elsewhere.wav"))).isInstanceOf(IllegalArgumentException.class);
    }
}
