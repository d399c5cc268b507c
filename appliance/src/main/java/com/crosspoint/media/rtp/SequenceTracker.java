package com.crosspoint.media.rtp;

/**
 * RFC 3550 Appendix A.1 {@code update_seq} for one incoming stream: probation of a new source,
 * the 32-bit extended sequence number across wraps, resynchronisation after a large jump, and a
 * restart when the SSRC changes. Not thread-safe: one receive path owns it.
 *
 * <p>Faithful to A.1: the packet that ends probation becomes the base, so the first packet of a
 * source is never counted, and {@link #received()} includes duplicates (loss may go negative).
 */
public final class SequenceTracker {
    public static final int MAX_DROPOUT = 3000;
    public static final int MAX_MISORDER = 100;
    public static final int MIN_SEQUENTIAL = 2;
    private static final int SEQ_MOD = 1 << 16;
    // recent extended numbers, to tell a duplicate from a merely late packet
    private static final int HISTORY = 1 << 10;

    /** What one packet did to the state; {@link #valid()} is A.1's return value. */
    public enum Outcome {
        /** still on probation (new source or after a restart): not counted */
        PROBATION,
        /** next in sequence, or ahead with a permissible gap */
        IN_ORDER,
        /** behind the highest seen, not seen before */
        OUT_OF_ORDER,
        /** seen before */
        DUPLICATE,
        /** a very large jump, held until the next packet confirms it */
        BAD_JUMP,
        /** the confirmed jump: the sequence space restarts here */
        RESYNCHRONISED;

        public boolean valid() {
            return this != PROBATION && this != BAD_JUMP;
        }
    }

    private boolean started;
    private long ssrc;
    private int maxSeq;
    private long cycles;
    private int baseSeq;
    private int badSeq;
    private int probation;
    private long received;
    private long duplicates;
    private long outOfOrder;
    private long generation;
    private long lastExtended = -1;
    private final long[] history = new long[HISTORY];

    /** Feeds one packet's SSRC and 16-bit sequence number. */
    public Outcome update(long packetSsrc, int seq) {
        if (seq < 0 || seq >= SEQ_MOD) {
            throw new IllegalArgumentException("sequence number must be 16 bits: " + seq);
        }
        if (!started || packetSsrc != ssrc) {
            // a new SSRC is a new source (RFC 3550 §8): start over on probation
            started = true;
            ssrc = packetSsrc;
            initSeq(seq);
            maxSeq = (seq - 1) & 0xFFFF;
            probation = MIN_SEQUENTIAL;
            duplicates = 0;
            outOfOrder = 0;
        }
        int udelta = (seq - maxSeq) & 0xFFFF;
        if (probation > 0) {
            if (seq == ((maxSeq + 1) & 0xFFFF)) {
                probation--;
                maxSeq = seq;
                if (probation == 0) {
                    initSeq(seq);
                    received++;
                    remember(seq);
                    return Outcome.IN_ORDER;
                }
            } else {
                probation = MIN_SEQUENTIAL - 1;
                maxSeq = seq;
            }
            return Outcome.PROBATION;
        }
        Outcome outcome;
        if (udelta < MAX_DROPOUT) {
            if (udelta == 0) {
                outcome = Outcome.DUPLICATE;
            } else {
                if (seq < maxSeq) {
                    cycles += SEQ_MOD;
                }
                maxSeq = seq;
                outcome = Outcome.IN_ORDER;
            }
        } else if (udelta <= SEQ_MOD - MAX_MISORDER) {
            if (seq != badSeq) {
                badSeq = (seq + 1) & 0xFFFF;
                return Outcome.BAD_JUMP;
            }
            // two sequential packets after the jump: the other side restarted its numbering
            initSeq(seq);
            outcome = Outcome.RESYNCHRONISED;
        } else {
            outcome = Outcome.OUT_OF_ORDER;
        }
        long extended = extend(seq);
        if (outcome == Outcome.OUT_OF_ORDER && history[(int) (extended & (HISTORY - 1))] == extended) {
            outcome = Outcome.DUPLICATE;
        }
        if (outcome == Outcome.DUPLICATE) {
            duplicates++;
        } else if (outcome == Outcome.OUT_OF_ORDER) {
            outOfOrder++;
        }
        received++;
        remember(seq);
        return outcome;
    }

    private void initSeq(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = SEQ_MOD + 1; // never equal to a 16-bit number
        cycles = 0;
        received = 0;
        generation++;
        java.util.Arrays.fill(history, -1L);
    }

    // the extended number of seq relative to the highest seen: within ±32768 of it
    private long extend(int seq) {
        long extendedMax = cycles + maxSeq;
        return extendedMax + (short) (seq - maxSeq);
    }

    private void remember(int seq) {
        lastExtended = extend(seq);
        history[(int) (lastExtended & (HISTORY - 1))] = lastExtended;
    }

    /** True once a source has passed probation. */
    public boolean synchronised() {
        return started && probation == 0;
    }

    public long ssrc() {
        return ssrc;
    }

    /** Highest sequence number seen, extended by the wrap count (RFC 3550 §6.4.1). */
    public long extendedHighestSequence() {
        return cycles + maxSeq;
    }

    /** Extended number of the last packet counted; may be below the highest when it came late. */
    public long lastExtendedSequence() {
        return lastExtended;
    }

    public long baseSequence() {
        return baseSeq;
    }

    /** Packets expected since the base (A.3): {@code extended_max - base_seq + 1}; 0 before sync. */
    public long expected() {
        return synchronised() ? extendedHighestSequence() - baseSeq + 1 : 0;
    }

    /** Packets counted since the base, duplicates included (as in A.1). */
    public long received() {
        return received;
    }

    public long duplicates() {
        return duplicates;
    }

    public long outOfOrder() {
        return outOfOrder;
    }

    /**
     * Incremented each time the state is re-initialised (end of probation, resync, SSRC change),
     * so interval statistics built on it know to start their interval over.
     */
    public long generation() {
        return generation;
    }
}
