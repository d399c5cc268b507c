package com.crosspoint.media.engine;

import java.util.BitSet;
import java.util.OptionalInt;

/**
 * Hands out even RTP ports of a range (RTCP = RTP + 1), round robin so a just-released pair is not reused at
 * once (late packets of the old call would land in the new one). Thread-safe.
 */
public final class PortAllocator {
    private final int first;
    private final int pairs;
    private final BitSet used;
    private int next;
    private int inUse;

    /** @param min lowest port (rounded up to even), @param max highest port, RTCP included */
    public PortAllocator(int min, int max) {
        int start = min + (min & 1);
        int count = (max - start + 1) / 2;
        if (min < 1 || max > 65535 || count < 1) {
            throw new IllegalArgumentException("no RTP/RTCP pair fits in " + min + ".." + max);
        }
        this.first = start;
        this.pairs = count;
        this.used = new BitSet(count);
    }

    /** An even RTP port whose pair is now reserved, or empty when every pair is in use. */
    public synchronized OptionalInt allocate() {
        if (inUse == pairs) {
            return OptionalInt.empty();
        }
        int index = used.nextClearBit(next);
        if (index >= pairs) {
            index = used.nextClearBit(0);
        }
        used.set(index);
        inUse++;
        next = (index + 1) % pairs;
        return OptionalInt.of(first + 2 * index);
    }

    /** Returns a pair; releasing a port not handed out is a bug and throws. */
    public synchronized void release(int rtpPort) {
        int offset = rtpPort - first;
        if (offset < 0 || (offset & 1) != 0 || offset / 2 >= pairs || !used.get(offset / 2)) {
            throw new IllegalArgumentException("port " + rtpPort + " was not allocated");
        }
        used.clear(offset / 2);
        inUse--;
    }

    public synchronized int inUse() {
        return inUse;
    }

    public int capacity() {
        return pairs;
    }
}
