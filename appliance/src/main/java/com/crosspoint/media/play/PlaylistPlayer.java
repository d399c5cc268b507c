package com.crosspoint.media.play;

import com.crosspoint.media.engine.AudioSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Plays prompts back to back ("you have" "two" "new messages") and reports once how it ended: played through, or
 * interrupted by a key press (barge-in) when interruptible. {@link #interrupt(char)} may be called from any thread
 * (the session's digit callback); the player stops at the next tick.
 */
public final class PlaylistPlayer implements AudioSource {

    /** How a playlist ended: {@code digit} is the barge-in key, or empty when it played through. */
    public record Outcome(boolean interrupted, char digit) {
        public static final Outcome COMPLETED = new Outcome(false, '\0');
    }

    private final List<short[]> items;
    private final boolean interruptible;
    private final Consumer<Outcome> onComplete;
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile Outcome interruption;
    private int item;
    private int position;

    public PlaylistPlayer(List<short[]> items, boolean interruptible, Consumer<Outcome> onComplete) {
        this.items = List.copyOf(items);
        this.interruptible = interruptible;
        this.onComplete = Objects.requireNonNull(onComplete, "onComplete");
    }

    /** A playlist of library prompts by name; fails before playing anything if one is missing. */
    public static PlaylistPlayer of(PromptLibrary library, List<String> names, boolean interruptible,
                                    Consumer<Outcome> onComplete) throws IOException {
        List<short[]> samples = new ArrayList<>(names.size());
        for (String name : names) {
            samples.add(library.samples(name));
        }
        return new PlaylistPlayer(samples, interruptible, onComplete);
    }

    /**
     * Barge-in: stops the playlist at the next tick and reports the key.
     *
     * @return whether the key interrupted it (false when not interruptible or already ended)
     */
    public boolean interrupt(char digit) {
        if (!interruptible || reported.get() || interruption != null) {
            return false;
        }
        interruption = new Outcome(true, digit);
        return true;
    }

    @Override
    public boolean next(short[] frame) {
        Outcome stop = interruption;
        if (stop != null) {
            report(stop);
            return false;
        }
        int filled = 0;
        while (filled < FRAME_SAMPLES && item < items.size()) {
            short[] current = items.get(item);
            int n = Math.min(FRAME_SAMPLES - filled, current.length - position);
            System.arraycopy(current, position, frame, filled, n);
            filled += n;
            position += n;
            if (position >= current.length) {
                item++;
                position = 0;
            }
        }
        if (filled == 0) {
            report(Outcome.COMPLETED);
            return false;
        }
        Arrays.fill(frame, filled, FRAME_SAMPLES, (short) 0);
        return true;
    }

    private void report(Outcome outcome) {
        if (reported.compareAndSet(false, true)) {
            onComplete.accept(outcome);
        }
    }
}
