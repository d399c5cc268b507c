package com.crosspoint.media.engine;

import com.crosspoint.media.dtmf.DigitEvent;
import com.crosspoint.media.dtmf.DtmfFrame;
import com.crosspoint.media.dtmf.DtmfReceiver;
import com.crosspoint.media.dtmf.DtmfSender;
import com.crosspoint.media.dtmf.DtmfSymbols;
import com.crosspoint.media.dtmf.MalformedDtmfException;
import com.crosspoint.media.dtmf.TelephoneEvent;
import com.crosspoint.media.sdp.MediaParameters;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * RFC 4733 key presses of one session, both ways.
 *
 * <p>In (receive thread): a telephone-event payload is parsed when the packet is admitted, before it counts for
 * latching; once accepted, {@link DtmfReceiver} makes one {@link DigitEvent} of each press, reported to the
 * listener outside any lock. {@link #flush()} (on close, any thread) reports a press whose end never came.
 *
 * <p>Out (pacing thread; {@link #offer} from any): queued keys become 100 ms events planned by
 * {@link DtmfSender}, all packets of a press carrying the RTP timestamp of its first tick, sent instead of audio
 * while they last and followed by 60 ms of audio before the next press.
 */
final class DtmfPath {
    static final int DIGIT_MILLIS = 100;
    static final int GAP_TICKS = 3;
    static final int MAX_QUEUED = 64;

    private final Consumer<DigitEvent> onDigit;
    private final AtomicLong digitsReceived = new AtomicLong();
    private final Object lock = new Object(); // the receiver: fed on the receive thread, flushed on close
    private final DtmfReceiver receiver = new DtmfReceiver();
    private TelephoneEvent admitted; // receive thread only: from admit to accept of one packet

    private final ConcurrentLinkedQueue<Character> queued = new ConcurrentLinkedQueue<>();
    private final DtmfSender planner = new DtmfSender(DtmfSender.DEFAULT_CLOCK_RATE, 20, DtmfSender.DEFAULT_VOLUME);
    private List<DtmfFrame> frames; // the press in progress, pacing thread only from here on
    private int index;
    private int elapsed;
    private long pressTimestamp;
    private int gap;

    /** @param onDigit told of each key press received, on a media thread (must return at once) */
    DtmfPath(Consumer<DigitEvent> onDigit) {
        this.onDigit = Objects.requireNonNull(onDigit, "onDigit");
    }

    // ---------------------------------------------------------------- in

    /** Parses a telephone-event packet's payload; false when it is malformed. */
    boolean admit(ReceivedRtp packet) {
        try {
            admitted = TelephoneEvent.parse(ByteBuffer.wrap(packet.payload(), 0, packet.payloadLength()));
            return true;
        } catch (MalformedDtmfException e) {
            return false;
        }
    }

    /** The packet last admitted was accepted: reports the presses it completes. */
    void accept(ReceivedRtp packet) {
        List<DigitEvent> found;
        synchronized (lock) {
            found = receiver.onPacket(packet.timestamp(), packet.marker(), admitted);
        }
        found.forEach(this::report);
    }

    /** Reports a press still waiting for its end packet. */
    void flush() {
        List<DigitEvent> pending;
        synchronized (lock) {
            pending = receiver.flush();
        }
        pending.forEach(this::report);
    }

    private void report(DigitEvent digit) {
        digitsReceived.incrementAndGet();
        onDigit.accept(digit);
    }

    long digitsReceived() {
        return digitsReceived.get();
    }

    // ---------------------------------------------------------------- out

    /**
     * Queues key presses to send.
     *
     * @return false when the stream has no telephone-event or the queue would overflow (nothing is queued)
     * @throws IllegalArgumentException for a character that is no DTMF key
     */
    boolean offer(String keys, MediaParameters stream) {
        for (char c : keys.toCharArray()) {
            if (DtmfSymbols.toEvent(c).isEmpty()) {
                throw new IllegalArgumentException("not a DTMF key: " + c);
            }
        }
        if (stream == null || !stream.hasTelephoneEvent() || queued.size() + keys.length() > MAX_QUEUED) {
            return false;
        }
        for (char c : keys.toCharArray()) {
            queued.add(c);
        }
        return true;
    }

    /**
     * On a tick the stream sends: whether a key press takes it instead of audio. Starts the next queued key once
     * the gap after the previous one is over (a key is dropped if the stream no longer has telephone-event).
     *
     * @param timestamp the tick's RTP timestamp, the press's own if it starts now
     */
    boolean takesTick(long timestamp, MediaParameters stream) {
        if (frames == null && gap == 0) {
            Character key = queued.poll();
            if (key != null && stream.hasTelephoneEvent()) {
                frames = planner.framesFor(key, DIGIT_MILLIS);
                index = 0;
                elapsed = 0;
                pressTimestamp = timestamp;
            }
        }
        if (frames != null) {
            return true;
        }
        if (gap > 0) {
            gap--;
        }
        return false;
    }

    /** On a tick the press took: its packet due now (null when none is), and the press moves on a tick. */
    DtmfFrame nextFrame() {
        DtmfFrame frame = frames.get(index);
        DtmfFrame due = null;
        if (frame.sendOffset() <= elapsed) {
            due = frame;
            index++;
        }
        elapsed += AudioSource.FRAME_SAMPLES;
        if (index == frames.size()) {
            frames = null;
            gap = GAP_TICKS;
        }
        return due;
    }

    /** The RTP timestamp every packet of the current (or last) press carries (RFC 4733 §2.5.1.2). */
    long pressTimestamp() {
        return pressTimestamp;
    }
}
