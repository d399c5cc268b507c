package com.crosspoint.proxy.transaction;

/**
 * The transaction timers (RFC 3261 §17, Table 4), in milliseconds.
 *
 * @param t1     RTT estimate; A, E and G start at it; B, F, H and J are 64 × T1
 * @param t2     the cap on non-INVITE and final-response retransmission intervals
 * @param t4     how long the network keeps a message (K, I)
 * @param timerB how long a client transaction waits for any final response before it counts as a
 *               timeout (64 × T1 by the RFC; a carrier router shortens it to fail over sooner, as
 *               Kamailio's fr_timer does); also used as Timer F
 * @param timerC how long an INVITE branch may ring (after a provisional) before the proxy cancels it
 *               (§16.6 step 11, more than 3 minutes by the RFC)
 */
public record TimerSettings(long t1, long t2, long t4, long timerB, long timerC) {
    public static final TimerSettings RFC3261 = new TimerSettings(500, 4000, 5000, 32_000, 181_000);

    public TimerSettings {
        if (t1 < 1 || t2 < t1 || t4 < 1 || timerB < t1 || timerC < 1) {
            throw new IllegalArgumentException("bad timer settings");
        }
    }

    /** Timers H and J: how long a server transaction keeps absorbing retransmissions over UDP. */
    public long absorb() {
        return 64 * t1;
    }
}
