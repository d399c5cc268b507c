package com.crosspoint.relay.turn;

import java.security.SecureRandom;
import java.util.BitSet;
import java.util.OptionalInt;
import java.util.function.IntPredicate;

/**
 * The relay port range: ports are drawn at random among the free ones (RFC 8656 s7.2 recommends it, so a peer
 * cannot guess the next allocation's port), and one the operating system refuses (something else holds it) is
 * skipped.
 */
public final class RelayPorts {
    private static final int ATTEMPTS = 32;
    private final int min;
    private final int max;
    private final BitSet used = new BitSet();
    private final SecureRandom random = new SecureRandom();

    public RelayPorts(int min, int max) {
        this.min = min;
        this.max = max;
    }

    /**
     * A free port on which {@code bind} succeeded (even when {@code even}, RFC 8656 EVEN-PORT), or empty when the
     * range has none.
     */
    public synchronized OptionalInt acquire(boolean even, IntPredicate bind) {
        int size = max - min + 1;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = min + random.nextInt(size);
            if (even) {
                port &= ~1;
                if (port < min) {
                    port += 2;
                }
            }
            if (port > max || used.get(port - min)) {
                continue;
            }
            if (bind.test(port)) {
                used.set(port - min);
                return OptionalInt.of(port);
            }
        }
        // A crowded range: walk it once from a random point rather than give up while ports are free.
        int start = random.nextInt(size);
        for (int i = 0; i < size; i++) {
            int port = min + (start + i) % size;
            if ((even && (port & 1) != 0) || used.get(port - min)) {
                continue;
            }
            if (bind.test(port)) {
                used.set(port - min);
                return OptionalInt.of(port);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * An even port on which {@code bind} succeeded with the odd one above it free too; both are taken (the odd one
     * for a reservation, RFC 8656 EVEN-PORT with R). Empty when no such pair is free.
     */
    public synchronized OptionalInt acquirePair(IntPredicate bind) {
        int first = min + (min & 1);
        int pairs = (max - first + 1) / 2;
        if (pairs <= 0) {
            return OptionalInt.empty();
        }
        int start = random.nextInt(pairs);
        for (int i = 0; i < pairs; i++) {
            int port = first + 2 * ((start + i) % pairs);
            if (used.get(port - min) || used.get(port + 1 - min)) {
                continue;
            }
            if (bind.test(port)) {
                used.set(port - min);
                used.set(port + 1 - min);
                return OptionalInt.of(port);
            }
        }
        return OptionalInt.empty();
    }

    public synchronized void release(int port) {
        used.clear(port - min);
    }

    public synchronized int inUse() {
        return used.cardinality();
    }
}
