package com.crosspoint.media.jitter;

/** What {@link JitterBuffer} did with an offered packet. */
public enum OfferResult {
    /** Held for playout (possibly after a reset or after dropping the oldest frames). */
    ACCEPTED,
    /** Already held or played: dropped. */
    DUPLICATE,
    /** Its frame was already due: dropped. */
    LATE,
    /** Not exactly one frame of samples: dropped. */
    REJECTED,
    /**
     * Its sequence number is far from the stream's: dropped, unless it is the one right after the previous such
     * packet, which confirms a restarted numbering (RFC 3550 A.1) and is {@link #ACCEPTED} after a reset.
     */
    JUMPED
}
