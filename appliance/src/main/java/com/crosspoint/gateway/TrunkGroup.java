package com.crosspoint.gateway;

import java.util.Arrays;
import java.util.Optional;

/**
 * The gateway's trunk, sized like T1 spans: {@value #CHANNELS_PER_SPAN} channels a span, 1 to 8 spans. A call seizes
 * a channel of the lowest span with one free (as a T1 hunt group fills its first span first) and releases it when
 * it ends; with every channel busy the call is refused (503). Seizures and refusals are counted per span.
 * Thread-safe.
 */
public final class TrunkGroup {
    public static final int CHANNELS_PER_SPAN = 24;
    public static final int MAX_SPANS = 8;

    /** A seized channel: release it exactly once. */
    public record Seat(int span) {
    }

    /** What one span carries now and has carried. */
    public record SpanCount(int span, int inUse, long seized) {
    }

    private final int[] inUse;
    private final long[] seized;
    private long refused;

    public TrunkGroup(int spans) {
        if (spans < 1 || spans > MAX_SPANS) {
            throw new IllegalArgumentException("spans must be 1.." + MAX_SPANS + ": " + spans);
        }
        this.inUse = new int[spans];
        this.seized = new long[spans];
    }

    /** A free channel, or empty when all {@link #channels()} are busy (counted as refused). */
    public synchronized Optional<Seat> seize() {
        for (int span = 0; span < inUse.length; span++) {
            if (inUse[span] < CHANNELS_PER_SPAN) {
                inUse[span]++;
                seized[span]++;
                return Optional.of(new Seat(span));
            }
        }
        refused++;
        return Optional.empty();
    }

    public synchronized void release(Seat seat) {
        if (inUse[seat.span()] == 0) {
            throw new IllegalStateException("span " + seat.span() + " has no channel in use");
        }
        inUse[seat.span()]--;
    }

    public int channels() {
        return inUse.length * CHANNELS_PER_SPAN;
    }

    public synchronized int inUse() {
        return Arrays.stream(inUse).sum();
    }

    public synchronized long refused() {
        return refused;
    }

    public synchronized SpanCount span(int span) {
        return new SpanCount(span, inUse[span], seized[span]);
    }
}
