package com.crosspoint.media.engine;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * Hands out even RTP ports of a range (RTCP = RTP + 1), each pair chosen at random among the free ones, so the port
 * of the next call cannot be guessed from the last one (a prober spraying "the next ports" finds nothing to aim
 * at). A released pair rests while later ones are released (up to half the range), so late packets of an old call
 * do not land in a new one at once; only when every free pair rests is the one resting longest handed out.
 * Thread-safe.
 */
public final class PortAllocator {
    private final int first;
    private final int pairs;
    private final int restCapacity;
    private final RandomGenerator random;
    /** Pairs handed out or resting: not to be picked at random. */
    private final BitSet unavailable;
    /** Released pairs in the order they were released. */
    private final ArrayDeque<Integer> resting = new ArrayDeque<>();
    private final BitSet used;
    private int inUse;

    /** @param min lowest port (rounded up to even), @param max highest port, RTCP included */
    public PortAllocator(int min, int max) {
        this(min, max, new SecureRandom());
    }

    PortAllocator(int min, int max, RandomGenerator random) {
        int start = min + (min & 1);
        int count = (max - start + 1) / 2;
        if (min < 1 || max > 65535 || count < 1) {
            throw new IllegalArgumentException("no RTP/RTCP pair fits in " + min + ".." + max);
        }
        this.first = start;
        this.pairs = count;
        this.restCapacity = count / 2;
        this.random = Objects.requireNonNull(random, "random");
        this.unavailable = new BitSet(count);
        this.used = new BitSet(count);
    }

    /** An even RTP port whose pair is now reserved, or empty when every pair is in use. */
    public synchronized OptionalInt allocate() {
        if (inUse == pairs) {
            return OptionalInt.empty();
        }
        int index;
        if (inUse + resting.size() < pairs) {
            // from a random start, the next available pair: uniform while few are taken, which is the usual case
            index = unavailable.nextClearBit(random.nextInt(pairs));
            if (index >= pairs) {
                index = unavailable.nextClearBit(0);
            }
        } else {
            index = resting.poll(); // every free pair rests: the one resting longest
        }
        unavailable.set(index);
        used.set(index);
        inUse++;
        return OptionalInt.of(first + 2 * index);
    }

    /** Returns a pair; releasing a port not handed out is a bug and throws. */
    public synchronized void release(int rtpPort) {
        int offset = rtpPort - first;
        if (offset < 0 || (offset & 1) != 0 || offset / 2 >= pairs || !used.get(offset / 2)) {
            throw new IllegalArgumentException("port " + rtpPort + " was not allocated");
        }
        int index = offset / 2;
        used.clear(index);
        inUse--;
        resting.add(index);
        if (resting.size() > restCapacity) {
            unavailable.clear(resting.poll());
        }
    }

    public synchronized int inUse() {
        return inUse;
    }

    public int capacity() {
        return pairs;
    }
}
