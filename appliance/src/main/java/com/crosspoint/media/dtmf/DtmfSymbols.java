package com.crosspoint.media.dtmf;

import java.util.OptionalInt;

/** The RFC 4733 §3.2 DTMF event codes: 0–9, then * (10), # (11), A–D (12–15). */
public final class DtmfSymbols {
    private static final String SYMBOLS = "0123456789*#ABCD";

    private DtmfSymbols() {
    }

    /** True for the 16 DTMF event codes; other telephone events (flash, modem tones, ...) are not keys. */
    public static boolean isDtmf(int event) {
        return event >= 0 && event < SYMBOLS.length();
    }

    public static char toChar(int event) {
        if (!isDtmf(event)) {
            throw new IllegalArgumentException("not a DTMF event: " + event);
        }
        return SYMBOLS.charAt(event);
    }

    /** The event code of a key, lower-case a–d accepted; empty for anything else. */
    public static OptionalInt toEvent(char symbol) {
        int index = SYMBOLS.indexOf(Character.toUpperCase(symbol));
        return index < 0 ? OptionalInt.empty() : OptionalInt.of(index);
    }
}
