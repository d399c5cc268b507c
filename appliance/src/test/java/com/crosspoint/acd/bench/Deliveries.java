package com.crosspoint.acd.bench;

import com.crosspoint.bench.LatencyHistogram;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every visitor message of the run from its send to its arrival at the agent's event stream. A message's text
 * carries who sent it, its number and its send time ({@link #text}); the agent side hands the text back
 * ({@link #arrived}). What was sent and never arrived is lost; what arrived twice is a duplicate. Latencies are
 * kept only for messages sent inside the measuring window. Visitors and agents run in this one JVM, so both ends
 * read the same {@link System#nanoTime()} clock.
 */
final class Deliveries {
    private static final String PREFIX = "bench ";

    private final Map<Long, Boolean> inFlight = new ConcurrentHashMap<>();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong arrived = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong sentInWindow = new AtomicLong();
    private volatile boolean window;

    /** The text of visitor {@code visitor}'s message {@code number}, sent now; counts it as sent. */
    String text(int visitor, int number) {
        boolean inWindow = window;
        inFlight.put(key(visitor, number), Boolean.TRUE);
        sent.incrementAndGet();
        if (inWindow) {
            sentInWindow.incrementAndGet();
        }
        return PREFIX + visitor + ' ' + number + ' ' + (inWindow ? 1 : 0) + ' ' + System.nanoTime();
    }

    /** A visitor line as the agent received it; texts not made by {@link #text} are ignored. */
    void arrived(String text) {
        long now = System.nanoTime();
        if (!text.startsWith(PREFIX)) {
            return;
        }
        String[] f = text.substring(PREFIX.length()).split(" ");
        if (inFlight.remove(key(Integer.parseInt(f[0]), Integer.parseInt(f[1]))) == null) {
            duplicates.incrementAndGet();
            return;
        }
        arrived.incrementAndGet();
        if (f[2].equals("1")) {
            long micros = (now - Long.parseLong(f[3])) / 1000;
            synchronized (latency) {
                latency.record(micros);
            }
        }
    }

    void window(boolean on) {
        window = on;
    }

    long sent() {
        return sent.get();
    }

    long sentInWindow() {
        return sentInWindow.get();
    }

    long arrived() {
        return arrived.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    /** Sent and not (yet) arrived. */
    long missing() {
        return inFlight.size();
    }

    LatencyHistogram latency() {
        synchronized (latency) {
            return latency.copy();
        }
    }

    private static long key(int visitor, int number) {
        return ((long) visitor << 32) | number;
    }
}
