package com.crosspoint.testing;

import java.util.regex.Pattern;

/** Removes terminal colour/cursor escape sequences, which baresip and SIPp print even into pipes. */
public final class AnsiText {

    private static final Pattern ESCAPE = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");

    private AnsiText() {
    }

    public static String strip(String text) {
        return ESCAPE.matcher(text).replaceAll("");
    }
}
