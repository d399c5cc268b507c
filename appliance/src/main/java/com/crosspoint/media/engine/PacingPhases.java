package com.crosspoint.media.engine;

/**
 * Which part of the 20 ms period each session is sent in. One thread sending every session's frame in one burst
 * sends a stream that comes late in the burst earlier or later from period to period as the work before it varies
 * (measured: 200 held calls gave 2.4 ms p99 jitter on the wire with the clock itself 0.7 ms late at p99). Spread
 * over {@link #COUNT} phases 2 ms apart, a burst is a tenth as long and a stream's place in it moves a tenth as
 * much; a session keeps its phase for life, so its frames stay 20 ms apart. A new session takes the phase with the
 * fewest sessions. Still one thread and one clock: playback, mixing and sending keep their order within a phase,
 * and a conference participant takes its frame of a mix whichever phase it is in ({@code ConferenceBridge}).
 */
final class PacingPhases {
    static final int COUNT = 10;

    private final int[] sessions = new int[COUNT];

    /** The phase a new session joins. */
    synchronized int assign() {
        int best = 0;
        for (int p = 1; p < COUNT; p++) {
            if (sessions[p] < sessions[best]) {
                best = p;
            }
        }
        sessions[best]++;
        return best;
    }

    /** A session of {@code phase} closed. */
    synchronized void release(int phase) {
        sessions[phase]--;
    }

    synchronized int sessionsIn(int phase) {
        return sessions[phase];
    }
}
