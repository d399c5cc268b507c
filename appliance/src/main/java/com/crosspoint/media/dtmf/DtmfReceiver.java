package com.crosspoint.media.dtmf;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a stream of RFC 4733 telephone-event packets into one {@link DigitEvent} per key press.
 * The RTP timestamp identifies a press (§2.5.1.2): all its packets, including the three
 * redundant end packets, share it. Rules:
 * <ul>
 *   <li>a digit is reported on its first end packet; later packets with that timestamp are dropped;</li>
 *   <li>a lost start packet does not matter: any packet with a new timestamp starts a digit;</li>
 *   <li>a new timestamp while a digit has no end yet reports that digit first (its end was lost);</li>
 *   <li>a timestamp older than the last reported one is a late packet and dropped, unless it has
 *       the marker: then the sender restarted its timestamps and it is a new digit;</li>
 *   <li>non-DTMF events (codes above 15) are ignored.</li>
 * </ul>
 * {@link #flush()} reports a digit still waiting for its end; the engine calls it on a timeout
 * or when the stream ends. Not thread-safe.
 */
public final class DtmfReceiver {
    private boolean inProgress;
    private long currentTimestamp;
    private char currentDigit;
    private int currentDuration;
    private boolean haveLast;
    private long lastTimestamp;

    /**
     * @param rtpTimestamp the packet's RTP timestamp
     * @param marker       the packet's M bit (set on the first packet of an event)
     * @return the digits completed by this packet: usually none or one, two when a digit whose end
     *         was lost is followed by a single end packet of the next
     */
    public List<DigitEvent> onPacket(long rtpTimestamp, boolean marker, TelephoneEvent event) {
        if (rtpTimestamp < 0 || rtpTimestamp > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("timestamp must be 32 bits unsigned: " + rtpTimestamp);
        }
        if (!event.isDtmf()) {
            return List.of();
        }
        if (inProgress && rtpTimestamp == currentTimestamp) {
            currentDuration = Math.max(currentDuration, event.duration());
            return event.end() ? List.of(finish(true)) : List.of();
        }
        if (haveLast && (rtpTimestamp == lastTimestamp || !marker && isOlder(rtpTimestamp, lastTimestamp))) {
            return List.of();
        }
        if (inProgress && !marker && isOlder(rtpTimestamp, currentTimestamp)) {
            return List.of();
        }
        List<DigitEvent> digits = new ArrayList<>(2);
        if (inProgress) {
            digits.add(finish(false));
        }
        inProgress = true;
        currentTimestamp = rtpTimestamp;
        currentDigit = DtmfSymbols.toChar(event.event());
        currentDuration = event.duration();
        if (event.end()) {
            digits.add(finish(true));
        }
        return digits;
    }

    /** Reports the digit still waiting for its end packet, if any. */
    public List<DigitEvent> flush() {
        return inProgress ? List.of(finish(false)) : List.of();
    }

    private DigitEvent finish(boolean endSeen) {
        inProgress = false;
        haveLast = true;
        lastTimestamp = currentTimestamp;
        return new DigitEvent(currentDigit, currentTimestamp, currentDuration, endSeen);
    }

    // RFC 1982 serial arithmetic on 32-bit timestamps
    private static boolean isOlder(long timestamp, long reference) {
        return (int) (timestamp - reference) < 0;
    }
}
