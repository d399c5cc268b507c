package com.crosspoint.acd.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Cuts records into interval buckets per key (a queue, an agent), oldest interval first and then by key: the
 * grouping the voice and the chat interval reports share. Pure.
 */
public final class IntervalBuckets {
    private IntervalBuckets() {
    }

    /** The interval starting at {@code start} for {@code key}. */
    public record Bucket<K extends Comparable<K>>(Instant start, K key) implements Comparable<Bucket<K>> {
        @Override
        public int compareTo(Bucket<K> o) {
            int c = start.compareTo(o.start);
            return c != 0 ? c : key.compareTo(o.key);
        }
    }

    /** Each item in the bucket of the interval its {@code at} falls in and of its {@code key}. */
    public static <T, K extends Comparable<K>> SortedMap<Bucket<K>, List<T>> group(
            Collection<T> items, Interval interval, Function<T, Instant> at, Function<T, K> key) {
        SortedMap<Bucket<K>, List<T>> groups = new TreeMap<>();
        for (T item : items) {
            groups.computeIfAbsent(new Bucket<>(interval.start(at.apply(item)), key.apply(item)),
                    b -> new ArrayList<>()).add(item);
        }
        return groups;
    }

    /** The mean of {@code millis} over the items, in seconds (0 when there are none). */
    public static <T> double meanSeconds(List<T> items, ToLongFunction<T> millis) {
        return items.isEmpty() ? 0 : items.stream().mapToLong(millis).sum() / 1000.0 / items.size();
    }
}
