package com.crosspoint.acd.voice;

import com.crosspoint.call.voice.CallChannel.Audio;
import com.crosspoint.voicemail.Spoken;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A waiting caller's choice to be called back, key by key: once offered ("press 1 to be called back"), 1 reads
 * the caller's number back digit by digit; then 1 alone (ended by # or by a pause) confirms it, or another number
 * typed and ended by # is taken instead; * starts the typing over; 30 s of silence give the choice up. Pure:
 * what is to be said goes to {@code say}, the chosen number to {@code chosen}; the queue application feeds it keys
 * and seconds.
 */
final class CallbackMenu {
    /** A confirming 1 counts once this many seconds pass without another key. */
    static final int PAUSE_SECONDS = 3;
    /** A caller silent this long while choosing goes back to waiting (1 starts the choice again). */
    static final int GIVE_UP_SECONDS = 30;
    /** The longest number a caller may type. */
    static final int MAX_DIGITS = 20;

    private enum Step { NOT_OFFERED, OFFERED, CHOOSING, DONE }

    private final String number;
    private final Consumer<List<Audio>> say;
    private final Consumer<String> chosen;
    private final StringBuilder typed = new StringBuilder();
    private Step step = Step.NOT_OFFERED;
    private int quietSeconds;

    /** @param number the caller's own number, read back for confirmation */
    CallbackMenu(String number, Consumer<List<Audio>> say, Consumer<String> chosen) {
        this.number = number;
        this.say = say;
        this.chosen = chosen;
    }

    boolean offered() {
        return step != Step.NOT_OFFERED;
    }

    /** The caller is choosing the number (announcements would talk over it). */
    boolean choosing() {
        return step == Step.CHOOSING;
    }

    /** Says the offer (once). */
    void offer() {
        if (step == Step.NOT_OFFERED) {
            step = Step.OFFERED;
            say.accept(List.of(Audio.prompt("queue-callback-offer")));
        }
    }

    void key(char digit) {
        if (step == Step.OFFERED && digit == '1') {
            step = Step.CHOOSING;
            typed.setLength(0);
            quietSeconds = 0;
            List<String> words = new ArrayList<>(List.of("queue-callback-confirm"));
            words.addAll(Spoken.digits(number));
            words.add("queue-callback-choose");
            say.accept(words.stream().map(Audio::prompt).toList());
        } else if (step == Step.CHOOSING) {
            quietSeconds = 0;
            if (digit == '#') {
                finish();
            } else if (digit == '*') {
                typed.setLength(0);
            } else if (digit >= '0' && digit <= '9' && typed.length() < MAX_DIGITS) {
                typed.append(digit);
            }
        }
    }

    /** A second passed: a lone 1 followed by silence confirms; a long silence gives the choice up. */
    void second() {
        if (step != Step.CHOOSING) {
            return;
        }
        quietSeconds++;
        if ("1".contentEquals(typed) && quietSeconds >= PAUSE_SECONDS) {
            finish();
        } else if (quietSeconds >= GIVE_UP_SECONDS) {
            step = Step.OFFERED;
            typed.setLength(0);
        }
    }

    private void finish() {
        if ("1".contentEquals(typed) || (typed.isEmpty() && !number.isEmpty())) {
            step = Step.DONE;
            chosen.accept(number);
        } else if (typed.length() >= 2) {
            step = Step.DONE;
            chosen.accept(typed.toString());
        } else {
            typed.setLength(0);
            say.accept(List.of(Audio.prompt("invalid-entry"), Audio.prompt("queue-callback-choose")));
        }
    }
}
