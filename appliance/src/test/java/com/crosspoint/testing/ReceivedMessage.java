package com.crosspoint.testing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SIP MESSAGE received by baresip 1.0.0. There is no ctrl_tcp event for it: the menu module prints
 * {@code \r<from-uri>: "<text>"} through the UI modules (stdio), so it is parsed from stdout.
 * Only single-line texts can be recovered this way.
 */
public record ReceivedMessage(String from, String text) {

    private static final Pattern LINE = Pattern.compile("^\\s*(sips?:[^\\s\"]+): \"(.*)\"\\s*$");

    /** Parses one ANSI-stripped stdout line; empty if it is not a received-MESSAGE line. */
    public static Optional<ReceivedMessage> parse(String line) {
        Matcher m = LINE.matcher(line);
        return m.matches() ? Optional.of(new ReceivedMessage(m.group(1), m.group(2))) : Optional.empty();
    }
}
