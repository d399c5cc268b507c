package com.crosspoint.sip.b2bua;

import com.crosspoint.call.CallState;

/**
 * Where a call is in its life. A call only moves forward (set-up, ringing, connected, ended; ringing may be
 * skipped, and any phase may end), and only its lane moves it: {@link #to} refuses any other step, so a late
 * event can never revive a call or answer it twice. What people watching see ({@link CallState}) is derived from
 * the phase and what the connected call is doing (a hold, a transfer); see docs/adr/0007.
 */
enum CallPhase {
    /** Authenticated and routed; nothing rings yet. */
    SETUP,
    /** At least one phone rings (or plays early media) for the caller. */
    RINGING,
    /** The caller's INVITE is answered: two parties (phones, or a phone and a voice application). */
    CONNECTED,
    /** Over: the record is written, every leg is hung up or being hung up. */
    ENDED;

    /** The phase after a step to {@code next}; throws when the step would go backwards or stand still. */
    CallPhase to(CallPhase next) {
        if (next.ordinal() <= ordinal()) {
            throw new IllegalStateException("a call cannot go from " + this + " to " + next);
        }
        return next;
    }

    /** What a watcher sees: a connected call shows its transfer, else its hold. */
    CallState shown(boolean transferring, boolean held) {
        return switch (this) {
            case SETUP -> CallState.SETUP;
            case RINGING -> CallState.RINGING;
            case CONNECTED -> transferring ? CallState.TRANSFERRING : held ? CallState.HELD : CallState.ANSWERED;
            case ENDED -> CallState.ENDED;
        };
    }
}
