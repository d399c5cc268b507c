package com.crosspoint.voicemail;

import com.crosspoint.model.MailboxCounts;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Numbers, digits and times as lists of prompt names, from the prompts that exist (0–20, 30, 40, 50). */
public final class Spoken {
    private static final String[] UNITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty"};
    private static final String[] TENS = {null, null, "twenty", "thirty", "forty", "fifty"};

    private Spoken() {
    }

    /** 0–59 as words ("forty" "two"); larger numbers digit by digit (there are no prompts for sixty and up). */
    public static List<String> number(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative: " + n);
        }
        List<String> words = new ArrayList<>();
        if (n <= 20) {
            words.add(UNITS[n]);
        } else if (n < 60) {
            words.add(TENS[n / 10]);
            if (n % 10 != 0) {
                words.add(UNITS[n % 10]);
            }
        } else {
            return digits(Integer.toString(n));
        }
        return words;
    }

    /** Each digit of a dial string; '*' and '#' by name; other characters are skipped. */
    public static List<String> digits(String s) {
        List<String> words = new ArrayList<>();
        for (char c : s.toCharArray()) {
            if (c >= '0' && c <= '9') {
                words.add(UNITS[c - '0']);
            } else if (c == '*') {
                words.add("star");
            } else if (c == '#') {
                words.add("pound");
            }
        }
        return words;
    }

    /**
     * When a message came, relative to {@code now}: "today"/"yesterday", the weekday within a week, else month
     * and day; then "at" and a 12-hour clock time ("three" "oh" "five" "P M").
     */
    static List<String> received(ZonedDateTime at, ZonedDateTime now) {
        List<String> words = new ArrayList<>();
        LocalDate day = at.toLocalDate();
        LocalDate today = now.toLocalDate();
        if (day.equals(today)) {
            words.add("today");
        } else if (day.equals(today.minusDays(1))) {
            words.add("yesterday");
        } else if (Duration.between(at, now).toDays() < 7 && at.isBefore(now)) {
            words.add(day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ROOT).toLowerCase(Locale.ROOT));
        } else {
            words.add(day.getMonth().getDisplayName(TextStyle.FULL, Locale.ROOT).toLowerCase(Locale.ROOT));
            words.addAll(number(day.getDayOfMonth()));
        }
        words.add("vm-at");
        int hour = at.getHour() % 12 == 0 ? 12 : at.getHour() % 12;
        words.addAll(number(hour));
        int minute = at.getMinute();
        if (minute > 0 && minute < 10) {
            words.add("oh");
            words.addAll(number(minute));
        } else if (minute >= 10) {
            words.addAll(number(minute));
        }
        words.add(at.getHour() < 12 ? "am" : "pm");
        return words;
    }

    /** "You have N new messages and M saved messages", or "no messages". */
    static List<String> counts(MailboxCounts c) {
        List<String> words = new ArrayList<>();
        if (c.newMessages() == 0 && c.savedMessages() == 0) {
            words.add("vm-no-messages");
            return words;
        }
        words.add("vm-you-have");
        words.addAll(number(c.newMessages()));
        words.add(c.newMessages() == 1 ? "vm-new-message" : "vm-new-messages");
        if (c.savedMessages() > 0) {
            words.add("vm-and");
            words.addAll(number(c.savedMessages()));
            words.add(c.savedMessages() == 1 ? "vm-saved-message" : "vm-saved-messages");
        }
        return words;
    }
}
