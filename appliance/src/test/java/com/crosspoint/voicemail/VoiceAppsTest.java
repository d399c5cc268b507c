package com.crosspoint.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.call.voice.CallChannel.Audio;
import com.crosspoint.call.voice.CallChannel.Recorded;
import com.crosspoint.call.voice.FakeChannel;
import com.crosspoint.call.voice.KeypadEntry;
import com.crosspoint.directory.Directory;
import com.crosspoint.events.EventBus;
import com.crosspoint.media.wav.WavWriter;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.model.Voicemail;
import com.crosspoint.model.VoicemailFolder;
import com.crosspoint.store.derby.DerbyStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The voicemail applications against a fake channel, a real mailbox (Derby, files). */
class VoiceAppsTest {
    private static final Instant NOW = Instant.parse("2026-05-04T15:05:00Z");

    @TempDir
    Path dir;
    private DerbyStores stores;
    private EventBus events;
    private VoicemailService service;
    private VoicemailApps apps;
    private User ann;
    private User ben;
    private final FakeChannel channel = new FakeChannel();

    /** Records what the application asked for; the test plays the media side. */
    @BeforeEach
    void start() {
        stores = DerbyStores.open(dir.resolve("db"));
        events = new EventBus(100);
        Tenant t = stores.tenants().create("T", "t.example.com");
        ann = stores.users().create(t.id(), "1001", "Ann", null, CallSettings.defaults());
        ben = stores.users().create(t.id(), "1002", "Ben", null, CallSettings.defaults());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Directory directory = Directory.load(stores);
        service = new VoicemailService(stores.voicemails(), new MailboxFiles(dir.resolve("voicemail")), directory,
                events, clock);
        apps = new VoicemailApps(service, directory, clock, ZoneOffset.UTC);
    }

    @AfterEach
    void stop() {
        events.close();
        stores.close();
    }

    private static Path finish(Path target, int millis) throws IOException {
        try (WavWriter w = WavWriter.create(target)) {
            w.write(new short[millis * 8]);
            return w.finish();
        }
    }

    // ---- deposit ---------------------------------------------------------------------------------------------

    @Test
    void depositPlaysTheBuiltInGreetingThenTheBeepThenRecordsAndCommitsTheMessage() throws IOException {
        CallApplication app = apps.deposit(ben, GreetingKind.UNAVAILABLE, ann);
        app.start(channel);
        assertThat(channel.last()).containsExactly("vm-not-available", "vm-leave-message", "beep");
        assertThat(channel.recordingTo).isNull();
        app.onPlayed();
        assertThat(channel.recordingTo).isNotNull();
        assertThat(channel.recordingStopsOnSilence).isTrue();

        Path file = finish(channel.recordingTo, 4_000);
        app.onRecorded(new Recorded(file, 4_000, Recorded.End.SILENCE));
        List<Voicemail> box = service.folder(ben.id(), VoicemailFolder.NEW);
        assertThat(box).hasSize(1);
        assertThat(box.get(0).callerExtension()).isEqualTo("1001");
        assertThat(box.get(0).durationMillis()).isEqualTo(4_000);
        assertThat(channel.last()).containsExactly("vm-message-saved");
        assertThat(channel.hungUp).isFalse();
        app.onPlayed();
        assertThat(channel.hungUp).isTrue();
    }

    @Test
    void poundEndsTheRecordingOnlyWhileRecording() {
        CallApplication app = apps.deposit(ben, GreetingKind.UNAVAILABLE, ann);
        app.start(channel);
        app.onDigit('#');
        assertThat(channel.stopRequested).isFalse();
        app.onPlayed();
        app.onDigit('5');
        assertThat(channel.stopRequested).isFalse();
        app.onDigit('#');
        assertThat(channel.stopRequested).isTrue();
    }

    @Test
    void aBusyBoxWithItsOwnGreetingPlaysThatFile() throws IOException {
        Path greeting = finish(service.greetingTarget(ben, GreetingKind.BUSY), 2_000);
        CallApplication app = apps.deposit(ben, GreetingKind.BUSY, ann);
        app.start(channel);
        assertThat(channel.last()).containsExactly("file:" + greeting, "beep");
    }

    @Test
    void aCallerWhoHangsUpDuringTheRecordingLeavesTheMessageAndHearsNothingMore() throws IOException {
        CallApplication app = apps.deposit(ben, GreetingKind.BUSY, ann);
        app.start(channel);
        assertThat(channel.last()).containsExactly("vm-busy", "vm-leave-message", "beep");
        app.onPlayed();
        int plays = channel.played.size();
        app.onHangup();
        Path file = finish(channel.recordingTo, 3_000);
        app.onRecorded(new Recorded(file, 3_000, Recorded.End.STOPPED));
        assertThat(service.folder(ben.id(), VoicemailFolder.NEW)).hasSize(1);
        assertThat(channel.played).hasSize(plays);
        assertThat(channel.hungUp).isFalse(); // the caller is gone already
    }

    @Test
    void aTooShortRecordingIsDiscardedNotLeft() throws IOException {
        CallApplication app = apps.deposit(ben, GreetingKind.UNAVAILABLE, ann);
        app.start(channel);
        app.onPlayed();
        Path file = finish(channel.recordingTo, (int) VoicemailService.MIN_MESSAGE_MILLIS - 200);
        app.onRecorded(new Recorded(file, VoicemailService.MIN_MESSAGE_MILLIS - 200, Recorded.End.SILENCE));
        assertThat(service.all(ben.id())).isEmpty();
        assertThat(file).doesNotExist();
        assertThat(channel.last()).containsExactly("vm-too-short");
    }

    @Test
    void hangingUpDuringTheGreetingRecordsNothing() {
        CallApplication app = apps.deposit(ben, GreetingKind.UNAVAILABLE, ann);
        app.start(channel);
        app.onHangup();
        app.onPlayed();
        assertThat(channel.recordingTo).isNull();
    }

    // ---- mailbox ---------------------------------------------------------------------------------------------

    private Voicemail leave(User box, String from, int millis) throws IOException {
        Path file = finish(service.newRecording(box), millis);
        return service.leave(box, from, null, file, millis);
    }

    private void keys(CallApplication app, String keys) {
        for (char c : keys.toCharArray()) {
            app.onDigit(c);
        }
    }

    @Test
    void ownMailboxLogsInWithThePinAnnouncesCountsPlaysSavesAndDeletes() throws IOException {
        service.setPin(ben.id(), "2468");
        Voicemail first = leave(ben, "1001", 3_000);
        Voicemail second = leave(ben, null, 2_000);
        service.save(ben.id(), second.id());
        CallApplication app = apps.mailbox(ben, VoicemailApps.OWN_MAILBOX);
        app.start(channel);
        assertThat(channel.last()).containsExactly("vm-enter-pin");
        assertThat(channel.bargeIn.get(0)).isTrue();

        keys(app, "2468#");
        assertThat(channel.last()).containsExactly("vm-you-have", "one", "vm-new-message", "vm-and", "one",
                "vm-saved-message", "vm-main-menu");

        keys(app, "1");
        Path audio = service.audio(ben.id(), first.id());
        assertThat(channel.last()).containsExactly("vm-message", "one", "vm-from", "one", "zero", "zero", "one",
                "vm-received", "today", "vm-at", "three", "oh", "five", "pm", "file:" + audio);
        assertThat(service.message(ben.id(), first.id()).folder()).isEqualTo(VoicemailFolder.NEW);
        app.onPlayed(); // heard to the end
        assertThat(service.message(ben.id(), first.id()).folder()).isEqualTo(VoicemailFolder.SAVED);
        assertThat(channel.last()).containsExactly("vm-message-menu");

        keys(app, "7");
        assertThat(service.all(ben.id())).extracting(Voicemail::id).containsExactly(second.id());
        assertThat(audio).doesNotExist();
        assertThat(channel.last()).containsExactly("vm-message-deleted", "vm-no-more-messages", "vm-you-have",
                "zero", "vm-new-messages", "vm-and", "one", "vm-saved-message", "vm-main-menu");

        keys(app, "2");
        assertThat(channel.last()).contains("vm-unknown-caller");
        keys(app, "*");
        assertThat(channel.last()).endsWith("vm-main-menu");
        keys(app, "*");
        assertThat(channel.last()).containsExactly("goodbye");
        app.onPlayed();
        assertThat(channel.hungUp).isTrue();
    }

    @Test
    void aMessageSkippedWhilePlayingStaysNew() throws IOException {
        service.setPin(ben.id(), "2468");
        Voicemail v = leave(ben, "1001", 3_000);
        CallApplication app = apps.mailbox(ben, VoicemailApps.OWN_MAILBOX);
        app.start(channel);
        keys(app, "2468#1");
        keys(app, "6"); // barge-in: next
        assertThat(service.message(ben.id(), v.id()).folder()).isEqualTo(VoicemailFolder.NEW);
        assertThat(channel.last()).startsWith("vm-no-more-messages");
    }

    @Test
    void threeWrongPinsEndTheCall() {
        service.setPin(ben.id(), "2468");
        CallApplication app = apps.mailbox(ben, VoicemailApps.OWN_MAILBOX);
        app.start(channel);
        for (int i = 1; i <= 2; i++) {
            keys(app, "1111#");
            assertThat(channel.last()).containsExactly("vm-login-incorrect");
            app.onPlayed();
            assertThat(channel.last()).containsExactly("vm-enter-pin");
        }
        keys(app, "2468");
        keys(app, "9#"); // 24689: wrong
        assertThat(channel.last()).containsExactly("vm-login-incorrect", "goodbye");
        app.onPlayed();
        assertThat(channel.hungUp).isTrue();
    }

    @Test
    void aPauseAfterThePinEndsItAsPoundDoes() {
        service.setPin(ben.id(), "2468");
        CallApplication app = apps.mailbox(ben, VoicemailApps.OWN_MAILBOX);
        app.start(channel);
        app.onPlayed();
        keys(app, "2468");
        assertThat(channel.timer).isEqualTo(KeypadEntry.PAUSE);
        assertThat(channel.last()).containsExactly("vm-enter-pin"); // still waiting for more digits
        app.onTimer(); // the caller paused
        assertThat(channel.last()).containsExactly("vm-no-messages", "vm-main-menu");
    }

    @Test
    void silenceAfterThePromptSaysItAgainThenGoodbye() {
        service.setPin(ben.id(), "2468");
        CallApplication app = apps.mailbox(ann, VoicemailApps.ANY_MAILBOX);
        app.start(channel);
        for (int i = 1; i <= MailboxApp.MAX_LOGIN_ATTEMPTS; i++) {
            app.onPlayed();
            assertThat(channel.timer).isEqualTo(MailboxApp.NO_INPUT);
            app.onTimer();
            assertThat(channel.last()).containsExactly("vm-enter-mailbox");
        }
        app.onPlayed();
        app.onTimer();
        assertThat(channel.last()).containsExactly("goodbye");
        app.onPlayed();
        assertThat(channel.hungUp).isTrue();
    }

    @Test
    void star98AsksForTheMailboxAndAnUnknownOneSoundsLikeAWrongPin() {
        service.setPin(ben.id(), "2468");
        CallApplication app = apps.mailbox(ann, VoicemailApps.ANY_MAILBOX);
        app.start(channel);
        assertThat(channel.last()).containsExactly("vm-enter-mailbox");
        keys(app, "1999#");
        assertThat(channel.last()).containsExactly("vm-enter-pin");
        keys(app, "2468#");
        assertThat(channel.last()).containsExactly("vm-login-incorrect");
        app.onPlayed();
        keys(app, "1002#2468#");
        assertThat(channel.last()).containsExactly("vm-no-messages", "vm-main-menu");
    }

    @Test
    void changingThePinAndRecordingAGreeting() throws IOException {
        service.setPin(ben.id(), "2468");
        CallApplication app = apps.mailbox(ben, VoicemailApps.OWN_MAILBOX);
        app.start(channel);
        keys(app, "2468#");
        keys(app, "4");
        assertThat(channel.last()).containsExactly("vm-enter-new-pin");
        keys(app, "12#");
        assertThat(channel.last()).containsExactly("vm-pin-invalid");
        assertThat(service.checkPin(ben.id(), "2468")).isTrue();
        app.onPlayed();
        keys(app, "4" + "97531#");
        assertThat(channel.last()).containsExactly("vm-pin-changed");
        assertThat(service.checkPin(ben.id(), "97531")).isTrue();
        app.onPlayed();

        keys(app, "3");
        assertThat(channel.last()).containsExactly("vm-record-greeting", "beep");
        app.onPlayed();
        assertThat(channel.recordingStopsOnSilence).isFalse();
        keys(app, "#");
        assertThat(channel.stopRequested).isTrue();
        Path file = finish(channel.recordingTo, 2_500);
        app.onRecorded(new Recorded(file, 2_500, Recorded.End.STOPPED));
        assertThat(channel.last()).containsExactly("vm-greeting-saved");
        Path greeting = service.greeting(ben, GreetingKind.UNAVAILABLE).orElseThrow();
        assertThat(Files.size(greeting)).isEqualTo(44 + 2_500 * 16L);
        assertThat(file).doesNotExist();
    }
}
