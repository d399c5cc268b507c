package com.crosspoint.voicemail;

/** Which greeting a caller hears: the user is on another call, or did not answer. */
public enum GreetingKind {
    BUSY,
    UNAVAILABLE;

    String fileName() {
        return "greeting-" + name().toLowerCase(java.util.Locale.ROOT) + ".wav";
    }
}
