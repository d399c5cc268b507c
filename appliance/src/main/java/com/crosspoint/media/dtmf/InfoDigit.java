package com.crosspoint.media.dtmf;

import java.util.OptionalInt;

/**
 * A key press received in a SIP INFO body (the fallback when telephone-event is not negotiated).
 *
 * @param digit          0–9, *, #, A–D
 * @param durationMillis from {@code Duration=} in dtmf-relay; empty for application/dtmf
 */
public record InfoDigit(char digit, OptionalInt durationMillis) {

    public InfoDigit {
        if (DtmfSymbols.toEvent(digit).isEmpty() || Character.isLowerCase(digit)) {
            throw new IllegalArgumentException("not a DTMF key: " + digit);
        }
        if (durationMillis.isPresent() && durationMillis.getAsInt() < 0) {
            throw new IllegalArgumentException("negative duration");
        }
    }
}
