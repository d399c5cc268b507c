package com.crosspoint.media.dtmf;

import com.crosspoint.media.dtmf.MalformedDtmfException.Reason;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the two de-facto SIP INFO DTMF bodies (neither is an RFC): {@code application/dtmf-relay}
 * ({@code Signal=5\r\nDuration=160}, duration in ms) and {@code application/dtmf} (the bare key).
 * Only the body is handled here; the SIP layer hands over the Content-Type and body text.
 */
public final class SipInfoDtmf {
    public static final String DTMF_RELAY = "application/dtmf-relay";
    public static final String DTMF = "application/dtmf";

    private SipInfoDtmf() {
    }

    /** True for a Content-Type this class reads (parameters and case ignored). */
    public static boolean supports(String contentType) {
        String type = mediaType(contentType);
        return type.equals(DTMF_RELAY) || type.equals(DTMF);
    }

    /**
     * @return empty for a Content-Type that is not a DTMF body
     * @throws MalformedDtmfException for a DTMF body without a readable key or duration
     */
    public static Optional<InfoDigit> parse(String contentType, String body) throws MalformedDtmfException {
        String type = mediaType(contentType);
        if (type.equals(DTMF)) {
            return Optional.of(new InfoDigit(key(body.trim()), OptionalInt.empty()));
        }
        if (!type.equals(DTMF_RELAY)) {
            return Optional.empty();
        }
        String signal = null;
        OptionalInt duration = OptionalInt.empty();
        // phones differ in line endings and spacing around '='; keys are case-insensitive in practice
        for (String line : body.split("\r\n|\n|\r")) {
            int equals = line.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = line.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(equals + 1).trim();
            if (name.equals("signal")) {
                signal = value;
            } else if (name.equals("duration")) {
                duration = OptionalInt.of(duration(value));
            }
        }
        if (signal == null) {
            throw new MalformedDtmfException(Reason.NO_SIGNAL, "no Signal= line");
        }
        return Optional.of(new InfoDigit(key(signal), duration));
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static char key(String signal) throws MalformedDtmfException {
        if (signal.isEmpty()) {
            throw new MalformedDtmfException(Reason.NO_SIGNAL, "empty signal");
        }
        if (signal.length() != 1 || DtmfSymbols.toEvent(signal.charAt(0)).isEmpty()) {
            throw new MalformedDtmfException(Reason.UNKNOWN_SIGNAL, "signal '" + signal + "'");
        }
        return Character.toUpperCase(signal.charAt(0));
    }

    private static int duration(String value) throws MalformedDtmfException {
        try {
            int millis = Integer.parseInt(value);
            if (millis < 0) {
                throw new MalformedDtmfException(Reason.BAD_DURATION, "negative duration " + value);
            }
            return millis;
        } catch (NumberFormatException e) {
            throw new MalformedDtmfException(Reason.BAD_DURATION, "duration '" + value + "'");
        }
    }
}
