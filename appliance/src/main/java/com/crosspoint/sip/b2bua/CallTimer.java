package com.crosspoint.sip.b2bua;

/** A timer of a call (no answer, a voice application's timeout): it runs on the call's lane unless cancelled. */
@FunctionalInterface
interface CallTimer {
    CallTimer NONE = () -> { };

    void cancel();
}
