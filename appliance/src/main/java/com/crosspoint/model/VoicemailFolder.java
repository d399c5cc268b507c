package com.crosspoint.model;

/** Where a voicemail sits in its mailbox: not yet heard, or kept after listening. */
public enum VoicemailFolder {
    NEW,
    SAVED
}
