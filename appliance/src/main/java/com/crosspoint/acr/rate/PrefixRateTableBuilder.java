package com.crosspoint.acr.rate;

import com.crosspoint.model.RateRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects a deck's rows in primitive columns (about 44 bytes a row) and builds its {@link PrefixRateTable}. A
 * prefix may have several rows for different periods; periods of one prefix that overlap are an error, reported
 * with both rows' numbers.
 *
 * <p>Prefixes are packed into a long, one nibble per digit (digit + 1, so that "4" sorts before "40" and both
 * before "5"), left-aligned in the low 60 bits: sorting these keys is sorting prefixes lexicographically, and the
 * truncation of a key to d digits is a mask.
 */
public final class PrefixRateTableBuilder {
    private static final int KEY_BITS = 60;
    private static final int INITIAL = 1 << 10;

    private int size;
    private long[] keys = new long[INITIAL];
    private long[] micros = new long[INITIAL];
    private int[] fromDay = new int[INITIAL];
    private int[] untilDay = new int[INITIAL];
    private int[] increment = new int[INITIAL];
    private int[] destination = new int[INITIAL];
    private int[] rowNumber = new int[INITIAL];
    private final Map<String, Integer> destinationIds = new HashMap<>();
    private final List<String> destinationNames = new ArrayList<>();

    /** Adds {@code rate}, found in row {@code row} of its source (reported if it overlaps another). */
    public void add(int row, RateRow rate) {
        if (size == keys.length) {
            grow();
        }
        keys[size] = key(rate.prefix());
        micros[size] = rate.ratePerMinuteMicros();
        fromDay[size] = epochDay(rate.effectiveFrom());
        untilDay[size] = rate.effectiveUntil() == null ? PrefixRateTable.OPEN_ENDED : epochDay(rate.effectiveUntil());
        increment[size] = rate.increment().firstSeconds() << 16 | rate.increment().nextSeconds();
        destination[size] = destinationIds.computeIfAbsent(rate.destination(), name -> {
            destinationNames.add(name);
            return destinationNames.size() - 1;
        });
        rowNumber[size] = row;
        size++;
    }

    public int size() {
        return size;
    }

    /** The table, or empty when rows of one prefix overlap in time (each such row reported in {@code errors}). */
    public Optional<PrefixRateTable> build(DeckErrors errors) {
        int[] order = sortedOrder();
        int[] distinctStart = distinctPrefixes(order, errors);
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TrieLayout(order, distinctStart).table());
    }

    /** Positions of the rows sorted by prefix, then effective-from; ties keep the order added. */
    private int[] sortedOrder() {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        int[] buffer = new int[size];
        // bottom-up merge sort of positions: stable, no boxing
        for (int width = 1; width < size; width *= 2) {
            for (int lo = 0; lo < size - width; lo += 2 * width) {
                merge(order, buffer, lo, lo + width, Math.min(lo + 2 * width, size));
            }
        }
        return order;
    }

    private void merge(int[] order, int[] buffer, int lo, int mid, int hi) {
        System.arraycopy(order, lo, buffer, lo, hi - lo);
        int left = lo;
        int right = mid;
        for (int out = lo; out < hi; out++) {
            if (left < mid && (right >= hi || compare(buffer[left], buffer[right]) <= 0)) {
                order[out] = buffer[left++];
            } else {
                order[out] = buffer[right++];
            }
        }
    }

    private int compare(int a, int b) {
        int byKey = Long.compare(keys[a], keys[b]);
        return byKey != 0 ? byKey : Integer.compare(fromDay[a], fromDay[b]);
    }

    /**
     * Where each distinct prefix starts in {@code order}, plus {@code order.length} at the end; reports each row
     * whose period begins before an earlier-starting period of its prefix has ended.
     */
    private int[] distinctPrefixes(int[] order, DeckErrors errors) {
        int[] starts = new int[size + 1];
        int count = 0;
        int latest = -1; // of the rows of the current prefix so far, the one that ends last
        for (int i = 0; i < size; i++) {
            int row = order[i];
            if (i == 0 || keys[row] != keys[order[i - 1]]) {
                starts[count++] = i;
                latest = row;
                continue;
            }
            if (untilDay[latest] > fromDay[row]) {
                errors.add(rowNumber[row], "prefix " + prefix(keys[row]) + " from " + date(fromDay[row])
                        + " overlaps row " + rowNumber[latest] + " (" + date(fromDay[latest]) + " to "
                        + (untilDay[latest] == PrefixRateTable.OPEN_ENDED ? "open" : date(untilDay[latest])) + ")");
            }
            if (untilDay[row] > untilDay[latest]) {
                latest = row;
            }
        }
        starts[count] = size;
        return Arrays.copyOf(starts, count + 1);
    }

    /** The breadth-first trie of the sorted distinct prefixes and the rates in its node order. */
    private final class TrieLayout {
        private final int[] order;
        private final int[] distinctStart;
        private int[] firstChild = new int[INITIAL];
        private short[] childMask = new short[INITIAL];
        /** The distinct prefix a node stands for, -1 for an inner node without rates. */
        private int[] terminal = new int[INITIAL];
        private int nodes;

        TrieLayout(int[] order, int[] distinctStart) {
            this.order = order;
            this.distinctStart = distinctStart;
        }

        PrefixRateTable table() {
            int distinct = distinctStart.length - 1;
            newNode();
            // the node each distinct prefix reached on the level before
            int[] nodeOf = new int[distinct];
            for (int depth = 1; depth <= RateRow.MAX_PREFIX_DIGITS; depth++) {
                if (!addLevel(depth, nodeOf)) {
                    break;
                }
            }
            return new PrefixRateTable(new PrefixRateTable.Nodes(Arrays.copyOf(firstChild, nodes),
                    Arrays.copyOf(childMask, nodes), rateStarts()), rates());
        }

        /** Adds the nodes of prefixes' first {@code depth} digits; false when no prefix is that long. */
        private boolean addLevel(int depth, int[] nodeOf) {
            boolean any = false;
            long last = -1;
            for (int p = 0; p < nodeOf.length; p++) {
                long key = keys[order[distinctStart[p]]];
                if (length(key) < depth) {
                    continue;
                }
                any = true;
                long truncated = truncate(key, depth);
                if (truncated != last) {
                    last = truncated;
                    int parent = nodeOf[p];
                    int node = newNode();
                    if (childMask[parent] == 0) {
                        firstChild[parent] = node;
                    }
                    childMask[parent] |= (short) (1 << digit(key, depth - 1));
                }
                nodeOf[p] = nodes - 1;
                if (length(key) == depth) {
                    terminal[nodes - 1] = p;
                }
            }
            return any;
        }

        private int newNode() {
            if (nodes == firstChild.length) {
                int capacity = nodes + (nodes >> 1);
                firstChild = Arrays.copyOf(firstChild, capacity);
                childMask = Arrays.copyOf(childMask, capacity);
                terminal = Arrays.copyOf(terminal, capacity);
            }
            firstChild[nodes] = -1;
            childMask[nodes] = 0;
            terminal[nodes] = -1;
            return nodes++;
        }

        private int[] rateStarts() {
            int[] starts = new int[nodes + 1];
            int next = 0;
            for (int n = 0; n < nodes; n++) {
                starts[n] = next;
                int p = terminal[n];
                if (p >= 0) {
                    next += distinctStart[p + 1] - distinctStart[p];
                }
            }
            starts[nodes] = next;
            return starts;
        }

        private PrefixRateTable.Rates rates() {
            long[] m = new long[size];
            int[] from = new int[size];
            int[] until = new int[size];
            int[] inc = new int[size];
            int[] dest = new int[size];
            int out = 0;
            for (int n = 0; n < nodes; n++) {
                int p = terminal[n];
                if (p < 0) {
                    continue;
                }
                for (int i = distinctStart[p]; i < distinctStart[p + 1]; i++) {
                    int row = order[i];
                    m[out] = micros[row];
                    from[out] = fromDay[row];
                    until[out] = untilDay[row];
                    inc[out] = increment[row];
                    dest[out] = destination[row];
                    out++;
                }
            }
            return new PrefixRateTable.Rates(m, from, until, inc, dest, destinationNames.toArray(new String[0]));
        }
    }

    private void grow() {
        int capacity = size + (size >> 1);
        keys = Arrays.copyOf(keys, capacity);
        micros = Arrays.copyOf(micros, capacity);
        fromDay = Arrays.copyOf(fromDay, capacity);
        untilDay = Arrays.copyOf(untilDay, capacity);
        increment = Arrays.copyOf(increment, capacity);
        destination = Arrays.copyOf(destination, capacity);
        rowNumber = Arrays.copyOf(rowNumber, capacity);
    }

    static long key(String prefix) {
        long key = 0;
        for (int i = 0; i < prefix.length(); i++) {
            key |= (long) (prefix.charAt(i) - '0' + 1) << (KEY_BITS - 4 * (i + 1));
        }
        return key;
    }

    static int length(long key) {
        return key == 0 ? 0 : RateRow.MAX_PREFIX_DIGITS - Long.numberOfTrailingZeros(key) / 4;
    }

    static long truncate(long key, int digits) {
        return key & ~((1L << (KEY_BITS - 4 * digits)) - 1);
    }

    /** The digit at position {@code index} (from 0) of the prefix. */
    static int digit(long key, int index) {
        return (int) ((key >>> (KEY_BITS - 4 * (index + 1))) & 0xF) - 1;
    }

    static String prefix(long key) {
        StringBuilder text = new StringBuilder(RateRow.MAX_PREFIX_DIGITS);
        for (int i = 0; i < length(key); i++) {
            text.append((char) ('0' + digit(key, i)));
        }
        return text.toString();
    }

    private static int epochDay(LocalDate date) {
        return Math.toIntExact(date.toEpochDay());
    }

    private static String date(int epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }
}
