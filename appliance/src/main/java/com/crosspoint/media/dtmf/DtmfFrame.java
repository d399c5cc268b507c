package com.crosspoint.media.dtmf;

import java.util.Objects;

/**
 * One packet a {@link DtmfSender} plans: what to send and when. All packets of a digit carry the
 * same RTP timestamp (the event start, chosen by the engine); only the send time moves.
 *
 * @param event      the payload block
 * @param marker     the RTP M bit: set on the first packet only
 * @param sendOffset when to send, in timestamp units after the event start
 */
public record DtmfFrame(TelephoneEvent event, boolean marker, int sendOffset) {

    public DtmfFrame {
        Objects.requireNonNull(event, "event");
        if (sendOffset < 0) {
            throw new IllegalArgumentException("send offset must not be negative: " + sendOffset);
        }
    }

    public byte[] payload() {
        return event.toBytes();
    }

    /** Duration field of the payload, in timestamp units. */
    public int duration() {
        return event.duration();
    }
}
