package com.crosspoint.conference;

import com.crosspoint.media.engine.AudioSink;
import com.crosspoint.media.engine.AudioSource;
import com.crosspoint.media.jitter.FrameKind;
import com.crosspoint.media.mix.Mixer;
import com.crosspoint.media.mix.ToneGenerator;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The audio of one active room. Each participant's call is connected to it through an {@link AudioSink} (what the
 * participant says; the latest frame is kept) and an {@link AudioSource} (what the participant hears).
 *
 * <p>Mixing runs on the media pacing thread, driven by the sessions themselves: the engine asks every session's
 * sink, then its source, once per 20 ms tick. The first source asked that has already taken its frame of the
 * last mix starts a new mix of everyone's latest frames (with {@link Mixer}, each hearing the sum minus self in
 * O(N)); the other participants take their frame of that mix when their turn in the tick comes. A frame received
 * after the mix of its tick goes into the next one: at most one frame (20 ms) of delay, and no clock of its own.
 * A frame is mixed once; a participant whose session sent nothing new contributes silence.
 *
 * <p>Join and leave tones are mixed in as one more, never-muted voice that everyone hears. Join, leave and mute
 * come from call lanes and the API while the pacing thread mixes: all state is guarded by this bridge's lock,
 * held only for copying and mixing a frame (never for I/O).
 */
public final class ConferenceBridge {
    private static final int FRAME = AudioSource.FRAME_SAMPLES;
    private static final AtomicLong IDS = new AtomicLong();

    private final long roomId;
    private final Supplier<Instant> clock;
    private final Mixer mixer;
    private final List<Participant> participants = new ArrayList<>();
    private final Deque<ToneGenerator> tones = new ArrayDeque<>();
    private final short[][] inputs;
    private final short[][] outputs;
    private final boolean[] muted;
    private final short[] toneFrame = new short[FRAME];
    private final short[] toneOut = new short[FRAME];
    private long generation;

    /**
     * @param capacity the most participants the bridge will ever hold (the room's limit may change below it)
     * @param clock    stamps when participants join
     */
    public ConferenceBridge(long roomId, int capacity, Supplier<Instant> clock) {
        this.roomId = roomId;
        this.clock = clock;
        this.mixer = new Mixer(FRAME, capacity + 1); // + the tone voice
        this.inputs = new short[capacity + 1][];
        this.outputs = new short[capacity + 1][];
        this.muted = new boolean[capacity + 1];
    }

    public long roomId() {
        return roomId;
    }

    /**
     * Adds a participant unless {@code limit} are in already. Everyone in hears the join tone.
     *
     * @param label what listings show (the caller's extension or name)
     */
    public synchronized Optional<Participant> join(String label, int limit) {
        if (participants.size() >= Math.min(limit, inputs.length - 1)) {
            return Optional.empty();
        }
        Participant p = new Participant(IDS.incrementAndGet(), label, clock.get());
        if (!participants.isEmpty()) {
            announce(ToneGenerator.joinTone());
        }
        participants.add(p);
        return Optional.of(p);
    }

    /** Removes a participant (hang-up or kick); those left hear the leave tone. No effect when already gone. */
    public synchronized boolean leave(Participant p) {
        if (!participants.remove(p)) {
            return false;
        }
        p.gone = true;
        if (!participants.isEmpty()) {
            announce(ToneGenerator.leaveTone());
        }
        return true;
    }

    /** At most one tone waits behind the one playing: a meeting starting is not seconds of beeps. */
    private void announce(ToneGenerator tone) {
        if (tones.size() < 2) {
            tones.add(tone);
        }
    }

    public synchronized int size() {
        return participants.size();
    }

    public synchronized boolean isEmpty() {
        return participants.isEmpty();
    }

    public synchronized List<Participant> participants() {
        return List.copyOf(participants);
    }

    /** Mutes or unmutes: a muted participant still hears everyone but adds nothing to the mix. */
    public synchronized void mute(Participant p, boolean mute) {
        p.muted = mute;
    }

    /** Marks a participant to be hung up by its call (which polls {@link Participant#kicked()}); it leaves now. */
    public synchronized void kick(Participant p) {
        p.kicked = true;
        leave(p);
    }

    // ---- pacing thread ---------------------------------------------------------------------------------------

    private synchronized void received(Participant p, short[] frame) {
        System.arraycopy(frame, 0, p.in, 0, FRAME);
        p.fresh = true;
    }

    private synchronized boolean next(Participant p, short[] frame) {
        if (p.gone) {
            return false; // the session falls back to comfort silence
        }
        if (p.mixedIn != generation) {
            // joined since the last mix: silence this once rather than start a mix in the middle of a tick
            Arrays.fill(frame, 0, FRAME, (short) 0);
            p.mixedIn = generation;
            p.taken = true;
            return true;
        }
        if (p.taken) {
            mix();
        }
        System.arraycopy(p.out, 0, frame, 0, FRAME);
        p.taken = true;
        return true;
    }

    private void mix() {
        generation++;
        int n = participants.size();
        for (int i = 0; i < n; i++) {
            Participant p = participants.get(i);
            inputs[i] = p.fresh ? p.in : null;
            muted[i] = p.muted;
            outputs[i] = p.out;
            p.fresh = false;
            p.mixedIn = generation;
            p.taken = false;
        }
        int count = n;
        ToneGenerator tone = tones.peek();
        if (tone != null) {
            tone.next(toneFrame);
            inputs[n] = toneFrame;
            muted[n] = false;
            outputs[n] = toneOut;
            count++;
        }
        mixer.mix(inputs, muted, outputs, count);
        if (tone != null && tone.finished()) {
            tones.poll();
        }
    }

    /** One caller in the room. */
    public final class Participant {
        private final long id;
        private final String label;
        private final Instant joinedAt;
        private final short[] in = new short[FRAME];
        private final short[] out = new short[FRAME];
        private boolean fresh;
        private long mixedIn = -1;
        private boolean taken;
        private volatile boolean muted;
        private volatile boolean kicked;
        private volatile boolean gone;

        private Participant(long id, String label, Instant joinedAt) {
            this.id = id;
            this.label = label;
            this.joinedAt = joinedAt;
        }

        public long id() {
            return id;
        }

        public String label() {
            return label;
        }

        public Instant joinedAt() {
            return joinedAt;
        }

        public boolean muted() {
            return muted;
        }

        /** Whether an admin removed this participant (its call should hang up). */
        public boolean kicked() {
            return kicked;
        }

        public ConferenceBridge bridge() {
            return ConferenceBridge.this;
        }

        /** What this participant hears: everyone else and the tones. */
        public AudioSource source() {
            return frame -> next(this, frame);
        }

        /** What this participant says. */
        public AudioSink sink() {
            return (frame, kind) -> {
                if (kind == FrameKind.PLAYED || kind == FrameKind.CONCEALED) {
                    received(this, frame);
                }
            };
        }
    }
}
