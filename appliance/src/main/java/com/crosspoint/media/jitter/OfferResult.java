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
    REJECTED
}
