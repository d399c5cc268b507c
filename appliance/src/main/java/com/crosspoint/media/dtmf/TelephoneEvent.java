package com.crosspoint.media.dtmf;

import com.crosspoint.media.dtmf.MalformedDtmfException.Reason;
import java.nio.ByteBuffer;

/**
 * One RFC 4733 §2.3 telephone-event payload block.
 *
 * @param event    event code, 0–255 (DTMF is 0–15)
 * @param end      the E bit: the event has ended
 * @param volume   power in −dBm0, 0–63
 * @param duration timestamp units since the event's start (its RTP timestamp), 0–65535
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {
    /*
     *  0                   1                   2                   3
     *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |     event     |E|R| volume    |          duration             |
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     */
    public static final int LENGTH = 4;
    private static final int OFFSET_EVENT = 0;
    private static final int OFFSET_FLAGS = 1;
    private static final int OFFSET_DURATION = 2;
    private static final int END_BIT = 0x80;
    private static final int VOLUME_MASK = 0x3F;

    public TelephoneEvent {
        if (event < 0 || event > 0xFF) {
            throw new IllegalArgumentException("event must be 8 bits: " + event);
        }
        if (volume < 0 || volume > VOLUME_MASK) {
            throw new IllegalArgumentException("volume must be 0..63: " + volume);
        }
        if (duration < 0 || duration > 0xFFFF) {
            throw new IllegalArgumentException("duration must be 16 bits: " + duration);
        }
    }

    /**
     * Reads the first block from the buffer's position (left alone). Further blocks of a
     * multi-event payload (RFC 4733 §2.5.1.5) are ignored; the R bit is ignored as the RFC says.
     */
    public static TelephoneEvent parse(ByteBuffer payload) throws MalformedDtmfException {
        if (payload.remaining() < LENGTH) {
            throw new MalformedDtmfException(Reason.TOO_SHORT, payload.remaining() + " bytes, need 4");
        }
        int at = payload.position();
        int flags = payload.get(at + OFFSET_FLAGS) & 0xFF;
        return new TelephoneEvent(payload.get(at + OFFSET_EVENT) & 0xFF, (flags & END_BIT) != 0, flags & VOLUME_MASK,
                payload.getShort(at + OFFSET_DURATION) & 0xFFFF);
    }

    public static TelephoneEvent parse(byte[] payload) throws MalformedDtmfException {
        return parse(ByteBuffer.wrap(payload));
    }

    public byte[] toBytes() {
        return ByteBuffer.allocate(LENGTH).put((byte) event).put((byte) ((end ? END_BIT : 0) | volume))
                .putShort((short) duration).array();
    }

    public boolean isDtmf() {
        return DtmfSymbols.isDtmf(event);
    }
}
