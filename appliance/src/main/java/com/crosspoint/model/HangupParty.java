package com.crosspoint.model;

/** Who ended a call. */
public enum HangupParty {
    CALLER, CALLEE, SYSTEM
}
