package com.crosspoint.media.jitter;

import com.crosspoint.media.codec.AudioCodec;
import java.util.Arrays;
import java.util.Objects;

/**
 * Turns the packets of one RTP source, arriving early, late, twice or not at all, into one frame per 20 ms tick
 * for recording and mixing. Frames are keyed by extended sequence number (RFC 3550 A.1 style, so 65535 → 0 is
 * just the next frame) and held in a fixed ring of preallocated frames; nothing is allocated per packet or tick.
 *
 * <p>Playout: the first packet of a talkspurt waits {@code initialDepthFrames} ticks, then one frame is played per
 * {@link #poll(short[])}. A missing frame is concealed by the last frame faded out once, then silence. After
 * {@code drainFrames} concealed frames with nothing held the source counts as paused, and its next packet starts
 * a new talkspurt, as does a marker-bit packet arriving with nothing held.
 *
 * <p>Not thread-safe: the media loop that ticks it also feeds it. Time is the caller's: one poll is one tick.
 */
public final class JitterBuffer {
    private static final long NONE = Long.MIN_VALUE;
    private static final long TIMESTAMP_MASK = 0xFFFF_FFFFL;

    private enum State { IDLE, BUFFERING, PLAYING }

    private final JitterConfig config;
    private final int frame;
    private final int capacity;
    private final short[][] slots;
    private final long[] slotSequence; // extended sequence held (or last played) in each slot; NONE if never
    private final boolean[] slotPending; // held and not yet played
    private final short[] last;

    private State state = State.IDLE;
    private boolean haveSource;
    private long ssrc;
    private long highest; // extended sequence of the newest packet
    private long highestTimestamp;
    private long nextPlay; // extended sequence of the frame the next poll plays
    private int waitTicks;
    private int concealRun;
    private boolean haveLast;
    private int pending;
    private int admittedSlot;

    private long received;
    private long played;
    private long concealed;
    private long late;
    private long duplicate;
    private long overflowed;
    private long resets;
    private long rejected;
    private long jumped;
    /** The sequence number that would confirm the last jump (RFC 3550 A.1 "bad_seq"), or -1. */
    private int confirmsJump = -1;

    public JitterBuffer(JitterConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.frame = config.frameSamples();
        this.capacity = config.capacityFrames();
        this.slots = new short[capacity][frame];
        this.slotSequence = new long[capacity];
        this.slotPending = new boolean[capacity];
        this.last = new short[frame];
        Arrays.fill(slotSequence, NONE);
    }

    /** A buffer with {@link JitterConfig#TELEPHONE} settings. */
    public static JitterBuffer telephone() {
        return new JitterBuffer(JitterConfig.TELEPHONE);
    }

    /**
     * Offers one decoded packet.
     *
     * @param ssrc       the RTP SSRC; a different one than before restarts the buffer
     * @param sequence   the 16-bit RTP sequence number
     * @param timestamp  the 32-bit RTP timestamp
     * @param marker     the RTP marker bit (start of a talkspurt for audio)
     * @param pcm        the samples; exactly {@code frameSamples} of them from {@code off}
     */
    public OfferResult offer(long ssrc, int sequence, long timestamp, boolean marker, short[] pcm, int off, int len) {
        Objects.checkFromIndexSize(off, len, pcm.length);
        received++;
        if (len != frame) {
            rejected++;
            return OfferResult.REJECTED;
        }
        OfferResult result = admit(ssrc, sequence & 0xFFFF, timestamp & TIMESTAMP_MASK, marker);
        if (result == OfferResult.ACCEPTED) {
            System.arraycopy(pcm, off, slots[admittedSlot], 0, frame);
        }
        return result;
    }

    /** Offers one packet still encoded, decoding it straight into the held frame; G.711: one byte per sample. */
    public OfferResult offer(long ssrc, int sequence, long timestamp, boolean marker, byte[] payload, int off,
                             int len, AudioCodec codec) {
        Objects.checkFromIndexSize(off, len, payload.length);
        received++;
        if (len != frame) { // G.711: one byte per sample
            rejected++;
            return OfferResult.REJECTED;
        }
        OfferResult result = admit(ssrc, sequence & 0xFFFF, timestamp & TIMESTAMP_MASK, marker);
        if (result == OfferResult.ACCEPTED) {
            codec.decode(payload, off, len, slots[admittedSlot]);
        }
        return result;
    }

    /**
     * Produces this tick's frame into {@code out[0..frameSamples)}.
     *
     * @return whether it is a received frame, a concealment, or silence because nothing is due
     */
    public FrameKind poll(short[] out) {
        Objects.checkFromIndexSize(0, frame, out.length);
        if (state == State.IDLE) {
            Arrays.fill(out, 0, frame, (short) 0);
            return FrameKind.SILENCE;
        }
        if (state == State.BUFFERING) {
            if (waitTicks > 0) {
                waitTicks--;
                Arrays.fill(out, 0, frame, (short) 0);
                return FrameKind.SILENCE;
            }
            state = State.PLAYING;
        }
        int slot = slotOf(nextPlay);
        if (slotPending[slot] && slotSequence[slot] == nextPlay) {
            System.arraycopy(slots[slot], 0, out, 0, frame);
            System.arraycopy(slots[slot], 0, last, 0, frame);
            slotPending[slot] = false;
            pending--;
            nextPlay++;
            played++;
            haveLast = true;
            concealRun = 0;
            return FrameKind.PLAYED;
        }
        nextPlay++;
        concealed++;
        if (concealRun == 0 && haveLast) {
            // fade the last frame out linearly over one frame: no click, and no buzz from repeating it
            for (int i = 0; i < frame; i++) {
                out[i] = (short) (last[i] * (frame - i) / frame);
            }
        } else {
            Arrays.fill(out, 0, frame, (short) 0);
        }
        concealRun++;
        if (pending == 0 && concealRun >= config.drainFrames()) {
            state = State.IDLE; // paused source: the next packet re-buffers instead of counting as concealment
        }
        return FrameKind.CONCEALED;
    }

    /** The counters so far. */
    public JitterStats stats() {
        return new JitterStats(received, played, concealed, late, duplicate, overflowed, resets, rejected, jumped);
    }

    /** Frames held and not yet played. */
    public int bufferedFrames() {
        return pending;
    }

    /** The configuration. */
    public JitterConfig config() {
        return config;
    }

    /** Decides a packet's fate and, when accepted, reserves its slot in {@link #admittedSlot}. */
    private OfferResult admit(long packetSsrc, int sequence, long timestamp, boolean marker) {
        if (!haveSource) {
            haveSource = true;
            ssrc = packetSsrc;
            startTalkspurt(sequence, timestamp);
            return hold(sequence);
        }
        if (packetSsrc != ssrc) {
            ssrc = packetSsrc;
            return restart(sequence, timestamp);
        }
        long extended = extend(sequence);
        long ahead = extended - highest;
        if (state == State.IDLE) {
            if (ahead > config.maxDropoutFrames()) {
                return jump(sequence, timestamp);
            }
            if (ahead > 0) {
                startTalkspurt(extended, timestamp); // the paused source speaks again
                return hold(extended);
            }
            return dropOld(extended);
        }
        if (ahead > config.maxDropoutFrames() || nextPlay - extended > config.maxMisorderFrames()) {
            return jump(sequence, timestamp);
        }
        if (!marker) {
            long expected = (highestTimestamp + ahead * frame) & TIMESTAMP_MASK;
            int drift = (int) (timestamp - expected);
            if (Math.abs((long) drift) > config.maxTimestampJumpSamples()) {
                return jump(sequence, timestamp); // a stray close in sequence but not in time, or a restart
            }
        } else if (ahead > 0 && pending == 0 && state == State.PLAYING) {
            startTalkspurt(extended, timestamp); // a new talkspurt after silence suppression: re-buffer
            return hold(extended);
        }
        if (extended < nextPlay) {
            if (state == State.BUFFERING && highest - extended < capacity - 1) {
                nextPlay = extended; // arrived out of order before the talkspurt's first frame played
            } else {
                return dropOld(extended);
            }
        }
        if (extended - nextPlay >= capacity) {
            dropOldestBefore(extended - capacity + 1);
        }
        if (ahead > 0) {
            highest = extended;
            highestTimestamp = timestamp;
        }
        return hold(extended);
    }

    /** A packet behind the play position: a duplicate if its frame was held, else late. */
    private OfferResult dropOld(long extended) {
        if (slotSequence[slotOf(extended)] == extended) {
            duplicate++;
            return OfferResult.DUPLICATE;
        }
        late++;
        return OfferResult.LATE;
    }

    private OfferResult hold(long extended) {
        int slot = slotOf(extended);
        if (slotSequence[slot] == extended) {
            duplicate++;
            return OfferResult.DUPLICATE;
        }
        slotSequence[slot] = extended;
        slotPending[slot] = true;
        pending++;
        admittedSlot = slot;
        return OfferResult.ACCEPTED;
    }

    /** A discontinuity: drop everything held and start over with this packet. */
    /**
     * A sequence number far from the stream's, or a timestamp that disagrees with it: a sender that restarted its
     * numbering or its clock, or a stray (a forged or misrouted packet). As RFC 3550 A.1 does, only a packet that follows it in sequence confirms a restart; a
     * lone stray is dropped without disturbing the stream.
     */
    private OfferResult jump(int sequence, long timestamp) {
        if (sequence == confirmsJump) {
            confirmsJump = -1;
            return restart(sequence, timestamp);
        }
        confirmsJump = (sequence + 1) & 0xFFFF;
        jumped++;
        return OfferResult.JUMPED;
    }

    private OfferResult restart(int sequence, long timestamp) {
        resets++;
        Arrays.fill(slotSequence, NONE);
        Arrays.fill(slotPending, false);
        pending = 0;
        startTalkspurt(sequence, timestamp);
        return hold(sequence);
    }

    private void startTalkspurt(long extended, long timestamp) {
        highest = extended;
        highestTimestamp = timestamp;
        nextPlay = extended;
        waitTicks = config.initialDepthFrames();
        concealRun = 0;
        haveLast = false; // audio from before the pause must not be faded into the new talkspurt
        state = State.BUFFERING;
    }

    /** Overflow: move the play position up to {@code newStart}, dropping (and counting) held frames before it. */
    private void dropOldestBefore(long newStart) {
        for (long p = Math.max(nextPlay, newStart - capacity); p < newStart; p++) {
            int slot = slotOf(p);
            if (slotPending[slot] && slotSequence[slot] == p) {
                slotPending[slot] = false;
                pending--;
                overflowed++;
            }
        }
        nextPlay = newStart;
    }

    /** The 16-bit sequence number nearest the newest one, as a 64-bit count that never wraps. */
    private long extend(int sequence) {
        int delta = (short) (sequence - (int) (highest & 0xFFFF));
        return highest + delta;
    }

    private int slotOf(long extended) {
        return (int) Math.floorMod(extended, (long) capacity);
    }
}
