package com.crosspoint.acd.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What went wrong on the load's side, counted by kind (an HTTP status, a close code, an error frame's code). */
final class Problems {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String kind) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    @Override
    public String toString() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted.isEmpty() ? "none" : sorted.toString();
    }
}
