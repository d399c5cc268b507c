package com.crosspoint.media.dtmf;

/**
 * One key press received as telephone events.
 *
 * @param digit        0–9, *, #, A–D
 * @param rtpTimestamp the event's RTP timestamp (its start)
 * @param duration     the longest duration seen, in timestamp units
 * @param endSeen      false when no end packet arrived (the next digit or a flush closed it)
 */
public record DigitEvent(char digit, long rtpTimestamp, int duration, boolean endSeen) {

    public DigitEvent {
        if (DtmfSymbols.toEvent(digit).isEmpty() || Character.isLowerCase(digit)) {
            throw new IllegalArgumentException("not a DTMF key: " + digit);
        }
        if (rtpTimestamp < 0 || rtpTimestamp > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("timestamp must be 32 bits unsigned: " + rtpTimestamp);
        }
        if (duration < 0 || duration > 0xFFFF) {
            throw new IllegalArgumentException("duration must be 16 bits: " + duration);
        }
    }
}
