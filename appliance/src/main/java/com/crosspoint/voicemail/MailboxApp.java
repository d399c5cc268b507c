package com.crosspoint.voicemail;

import com.crosspoint.call.voice.CallChannel;
import com.crosspoint.call.voice.CallChannel.Audio;
import com.crosspoint.call.voice.CallChannel.Recorded;
import com.crosspoint.call.voice.KeypadEntry;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.User;
import com.crosspoint.model.Voicemail;
import com.crosspoint.model.VoicemailFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user listening to a mailbox by phone ({@code *97} for one's own, {@code *98} for any of the tenant's).
 *
 * <p>Log-in: mailbox number + # (only for *98), PIN + #; three wrong attempts end the call. Then "you have N new
 * messages and M saved messages" and the main menu: 1 new, 2 saved, 3 record greeting, 4 change PIN, * leave.
 * Each message: "message n from <caller's digits or an unknown caller> received <today/yesterday/weekday/date>
 * at <time>", the recording, then the message menu: 1 replay, 2 save, 6 next, 7 delete, * main menu. A NEW
 * message becomes SAVED once its recording has been played to the end (or on 2); one skipped with a key while
 * it plays stays NEW. Prompts can be interrupted by a key, which is taken as input.
 *
 * <p>The greeting recorded with 3 is the "unavailable" one (callers who were not answered hear it; the busy
 * greeting is uploaded from the dashboard). It is recorded next to the messages and moved over the old greeting
 * only when long enough, so a failed attempt keeps the old one.
 */
public final class MailboxApp implements VoicemailCall {
    private static final Logger LOG = LoggerFactory.getLogger(MailboxApp.class);
    static final int MAX_LOGIN_ATTEMPTS = 3;
    private static final int MAX_ENTRY = 20;
    /** How long a prompt asking for digits waits for the first one before it is said again. */
    static final Duration NO_INPUT = Duration.ofSeconds(10);

    private enum Step { ASK_BOX, ASK_PIN, LOGIN_FAILED, MAIN, MESSAGE, MESSAGE_MENU, GREETING_INTRO, GREETING,
        NEW_PIN, AFTER_NOTICE, GOODBYE, DONE }

    private final VoicemailService voicemail;
    private final Directory directory;
    private final Clock clock;
    private final ZoneId zone;
    private final long tenantId;
    private final User own;
    private CallChannel channel;
    private Step step;
    private User box;
    private String boxEntered;
    private int attempts;
    private int silences;
    private final KeypadEntry entry = new KeypadEntry(MAX_ENTRY);
    private List<Voicemail> messages = List.of();
    private int index;

    /**
     * @param own      the caller's own mailbox (*97), or null to ask for the number (*98)
     * @param tenantId where a mailbox number is looked up
     */
    public MailboxApp(VoicemailService voicemail, Directory directory, Clock clock, ZoneId zone, long tenantId,
                      User own) {
        this.voicemail = voicemail;
        this.directory = directory;
        this.clock = clock;
        this.zone = zone;
        this.tenantId = tenantId;
        this.own = own;
    }

    @Override
    public void start(CallChannel channel) {
        this.channel = channel;
        askLogin();
    }

    private void askLogin() {
        entry.clear();
        if (own == null) {
            step = Step.ASK_BOX;
            channel.play(Audio.prompts("vm-enter-mailbox"), true);
        } else {
            box = own;
            step = Step.ASK_PIN;
            channel.play(Audio.prompts("vm-enter-pin"), true);
        }
    }

    @Override
    public void onDigit(char digit) {
        switch (step) {
            case ASK_BOX, ASK_PIN, NEW_PIN -> collect(digit);
            case MAIN -> mainMenu(digit);
            case MESSAGE, MESSAGE_MENU -> messageMenu(digit);
            case GREETING -> {
                if (digit == '#') {
                    channel.stopRecording();
                }
            }
            default -> {
                // prompts that are not menus ignore keys
            }
        }
    }

    private void collect(char digit) {
        silences = 0;
        if (!entry.key(digit)) {
            channel.startTimer(KeypadEntry.PAUSE); // a pause ends the entry as # does
            return;
        }
        channel.cancelTimer();
        submit(entry.take());
    }

    /** No key for a while: a pause after digits ends the entry; silence after the prompt says it again. */
    @Override
    public void onTimer() {
        if (step != Step.ASK_BOX && step != Step.ASK_PIN && step != Step.NEW_PIN) {
            return;
        }
        if (!entry.isEmpty()) {
            submit(entry.take());
        } else if (++silences > MAX_LOGIN_ATTEMPTS) {
            step = Step.GOODBYE;
            channel.play(Audio.prompts("goodbye"), false);
        } else {
            channel.play(Audio.prompts(promptOf(step)), true);
        }
    }

    private static String promptOf(Step step) {
        return switch (step) {
            case ASK_BOX -> "vm-enter-mailbox";
            case NEW_PIN -> "vm-enter-new-pin";
            default -> "vm-enter-pin";
        };
    }

    private void submit(String value) {
        switch (step) {
            case ASK_BOX -> {
                boxEntered = value;
                step = Step.ASK_PIN;
                channel.play(Audio.prompts("vm-enter-pin"), true);
            }
            case ASK_PIN -> login(value);
            case NEW_PIN -> {
                if (PinPolicy.valid(value)) {
                    voicemail.setPin(box.id(), value);
                    notice("vm-pin-changed");
                } else {
                    notice("vm-pin-invalid");
                }
            }
            default -> {
            }
        }
    }

    private void login(String pin) {
        if (own == null) {
            box = directory.userByExtension(tenantId, boxEntered).orElse(null);
        }
        // the same answer for an unknown mailbox and a wrong PIN: nothing tells which mailboxes exist
        if (box != null && voicemail.checkPin(box.id(), pin)) {
            step = Step.MAIN;
            channel.play(summary(), true);
            return;
        }
        attempts++;
        if (own == null) {
            box = null;
        }
        if (attempts >= MAX_LOGIN_ATTEMPTS) {
            step = Step.GOODBYE;
            channel.play(Audio.prompts("vm-login-incorrect", "goodbye"), false);
            return;
        }
        step = Step.LOGIN_FAILED;
        channel.play(Audio.prompts("vm-login-incorrect"), false);
    }

    /** "You have N new messages and M saved messages", then the main menu. */
    private List<Audio> summary() {
        List<String> words = new ArrayList<>(Spoken.counts(voicemail.counts(box.id())));
        words.add("vm-main-menu");
        return words.stream().map(Audio::prompt).toList();
    }

    private void mainMenu(char digit) {
        switch (digit) {
            case '1' -> openFolder(VoicemailFolder.NEW);
            case '2' -> openFolder(VoicemailFolder.SAVED);
            case '3' -> {
                step = Step.GREETING_INTRO;
                channel.play(Audio.prompts("vm-record-greeting", "beep"), false);
            }
            case '4' -> {
                step = Step.NEW_PIN;
                entry.clear();
                channel.play(Audio.prompts("vm-enter-new-pin"), true);
            }
            case '*' -> {
                step = Step.GOODBYE;
                channel.play(Audio.prompts("goodbye"), false);
            }
            default -> channel.play(Audio.prompts("invalid-entry", "vm-main-menu"), true);
        }
    }

    private void openFolder(VoicemailFolder folder) {
        messages = new ArrayList<>(voicemail.folder(box.id(), folder));
        index = 0;
        if (messages.isEmpty()) {
            channel.play(Audio.prompts("vm-no-messages", "vm-main-menu"), true);
            return;
        }
        playMessage();
    }

    private void playMessage() {
        Voicemail v = messages.get(index);
        List<Audio> items = new ArrayList<>();
        List<String> words = new ArrayList<>();
        words.add("vm-message");
        words.addAll(Spoken.number(index + 1));
        words.add("vm-from");
        List<String> caller = v.callerExtension() == null ? List.of() : Spoken.digits(v.callerExtension());
        if (caller.isEmpty()) {
            words.add("vm-unknown-caller");
        } else {
            words.addAll(caller);
        }
        words.add("vm-received");
        words.addAll(Spoken.received(v.receivedAt().atZone(zone), clock.instant().atZone(zone)));
        words.forEach(w -> items.add(Audio.prompt(w)));
        try {
            items.add(Audio.file(voicemail.audio(box.id(), v.id())));
        } catch (RuntimeException e) {
            LOG.warn("message {} of {} cannot be played: {}", v.id(), box.extension(), e.getMessage());
        }
        step = Step.MESSAGE;
        channel.play(items, true);
    }

    private void messageMenu(char digit) {
        Voicemail v = messages.get(index);
        switch (digit) {
            case '1' -> playMessage();
            case '2' -> {
                messages.set(index, saveQuietly(v));
                step = Step.MESSAGE_MENU;
                channel.play(Audio.prompts("vm-message-kept", "vm-message-menu"), true);
            }
            case '6' -> next(List.of());
            case '7' -> {
                try {
                    voicemail.delete(box.id(), v.id());
                } catch (RuntimeException e) {
                    LOG.warn("message {} of {} not deleted: {}", v.id(), box.extension(), e.getMessage());
                }
                messages.remove(index);
                index--;
                next(List.of("vm-message-deleted"));
            }
            case '*' -> {
                step = Step.MAIN;
                channel.play(summary(), true);
            }
            default -> {
                step = Step.MESSAGE_MENU;
                channel.play(Audio.prompts("invalid-entry", "vm-message-menu"), true);
            }
        }
    }

    private void next(List<String> before) {
        index++;
        if (index < messages.size()) {
            if (!before.isEmpty()) {
                // say it, then the next message (played from onPlayed)
                step = Step.AFTER_NOTICE;
                pendingNext = true;
                channel.play(before.stream().map(Audio::prompt).toList(), true);
                return;
            }
            playMessage();
            return;
        }
        List<String> words = new ArrayList<>(before);
        words.add("vm-no-more-messages");
        step = Step.MAIN;
        List<Audio> items = new ArrayList<>(words.stream().map(Audio::prompt).toList());
        items.addAll(summary());
        channel.play(items, true);
    }

    private boolean pendingNext;

    private Voicemail saveQuietly(Voicemail v) {
        try {
            return voicemail.save(box.id(), v.id());
        } catch (RuntimeException e) {
            LOG.warn("message {} of {} not saved: {}", v.id(), box.extension(), e.getMessage());
            return v;
        }
    }

    /** Says something short, then the main menu again. */
    private void notice(String prompt) {
        step = Step.AFTER_NOTICE;
        pendingNext = false;
        channel.play(Audio.prompts(prompt), false);
    }

    @Override
    public void onPlayed() {
        switch (step) {
            case LOGIN_FAILED -> askLogin();
            case MESSAGE -> {
                // heard to the end: a new message is new no more
                Voicemail v = messages.get(index);
                if (v.folder() == VoicemailFolder.NEW) {
                    messages.set(index, saveQuietly(v));
                }
                step = Step.MESSAGE_MENU;
                channel.play(Audio.prompts("vm-message-menu"), true);
            }
            case AFTER_NOTICE -> {
                if (pendingNext) {
                    pendingNext = false;
                    playMessage();
                } else {
                    step = Step.MAIN;
                    channel.play(summary(), true);
                }
            }
            case GREETING_INTRO -> {
                step = Step.GREETING;
                channel.record(voicemail.newRecording(box), false);
            }
            case GOODBYE -> {
                step = Step.DONE;
                channel.hangUp();
            }
            case ASK_BOX, ASK_PIN, NEW_PIN -> {
                if (entry.isEmpty()) {
                    channel.startTimer(NO_INPUT);
                }
            }
            default -> {
                // menus wait for a key after they played
            }
        }
    }

    @Override
    public void onRecorded(Recorded recorded) {
        Path file = recorded.file();
        boolean callerHere = step == Step.GREETING;
        if (file == null) {
            if (callerHere) {
                notice("invalid-entry");
            }
            return;
        }
        if (recorded.durationMillis() < VoicemailService.MIN_MESSAGE_MILLIS) {
            voicemail.discard(file);
            if (callerHere) {
                notice("invalid-entry");
            }
            return;
        }
        Optional<String> failure = Optional.empty();
        try {
            Files.move(file, voicemail.greetingTarget(box, GreetingKind.UNAVAILABLE),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            failure = Optional.of(e.getMessage());
            voicemail.discard(file);
        }
        failure.ifPresent(f -> LOG.warn("greeting of {} not saved: {}", box.extension(), f));
        if (callerHere) {
            notice(failure.isEmpty() ? "vm-greeting-saved" : "invalid-entry");
        }
    }

    @Override
    public void onHangup() {
        step = Step.DONE;
    }
}
