package com.crosspoint.acr.rate;

import com.crosspoint.model.BillingIncrement;
import com.crosspoint.model.RateRow;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One carrier's rate deck in memory, immutable, for longest-prefix match: a digit trie laid out in primitive
 * arrays (no object per prefix), and the rates as columns. Built by {@link PrefixRateTableBuilder}.
 *
 * <p>The trie's nodes are numbered breadth-first, so the children of a node are consecutive and in digit order: a
 * node keeps the index of its first child and a 10-bit mask of the digits it has children for, and the child for
 * digit d is {@code firstChild + bitCount(mask & ((1 << d) - 1))}. A lookup walks at most 15 nodes, remembering the
 * deepest one with a rate effective on the day. A node costs 10 bytes and a rate 24 (see {@link #footprintBytes}).
 */
public final class PrefixRateTable {
    /** What {@link #find} returns when no prefix of the number has a rate on the day. */
    public static final long NO_MATCH = -1;
    static final int OPEN_ENDED = Integer.MAX_VALUE;
    private static final int DEPTH_BITS = 4;
    private static final PrefixRateTable EMPTY = new PrefixRateTable(new Nodes(new int[] {-1}, new short[1], new int[2]),
            new Rates(new long[0], new int[0], new int[0], new int[0], new int[0], new String[0]));

    private final int[] firstChild;
    private final short[] childMask;
    /** The rates of node n are {@code rateStart[n]} to {@code rateStart[n + 1] - 1}, by effective-from. */
    private final int[] rateStart;
    private final long[] micros;
    private final int[] fromDay;
    /** Exclusive epoch day, {@link #OPEN_ENDED} when open. */
    private final int[] untilDay;
    /** First increment in the high 16 bits, next in the low 16. */
    private final int[] increment;
    private final int[] destination;
    private final String[] destinations;

    /** The trie of a table: per node, breadth-first. */
    record Nodes(int[] firstChild, short[] childMask, int[] rateStart) {
    }

    /** The rates of a table, in node order: per rate one entry of each array but the names. */
    record Rates(long[] micros, int[] fromDay, int[] untilDay, int[] increment, int[] destination,
                 String[] destinations) {
    }

    PrefixRateTable(Nodes nodes, Rates rates) {
        this.firstChild = nodes.firstChild();
        this.childMask = nodes.childMask();
        this.rateStart = nodes.rateStart();
        this.micros = rates.micros();
        this.fromDay = rates.fromDay();
        this.untilDay = rates.untilDay();
        this.increment = rates.increment();
        this.destination = rates.destination();
        this.destinations = rates.destinations();
    }

    public static PrefixRateTable empty() {
        return EMPTY;
    }

    /**
     * The longest prefix of {@code digits} with a rate effective on {@code epochDay}, allocation-free: the rate's
     * index shifted left by 4 bits or'ed with the prefix length, or {@link #NO_MATCH}. A character that is not a
     * digit ends the walk.
     */
    public long find(CharSequence digits, int epochDay) {
        int node = 0;
        long best = NO_MATCH;
        int length = digits.length();
        for (int depth = 0; depth < length; depth++) {
            int digit = digits.charAt(depth) - '0';
            int mask = childMask[node];
            if (digit < 0 || digit > 9 || (mask & (1 << digit)) == 0) {
                break;
            }
            node = firstChild[node] + Integer.bitCount(mask & ((1 << digit) - 1));
            int rate = effectiveRate(node, epochDay);
            if (rate >= 0) {
                best = ((long) rate << DEPTH_BITS) | (depth + 1);
            }
        }
        return best;
    }

    /** The rate of the longest prefix of {@code digits} effective on {@code date}. */
    public Optional<RateMatch> match(String digits, LocalDate date) {
        long found = find(digits, Math.toIntExact(date.toEpochDay()));
        if (found == NO_MATCH) {
            return Optional.empty();
        }
        int rate = (int) (found >>> DEPTH_BITS);
        int depth = (int) (found & ((1 << DEPTH_BITS) - 1));
        RateRow row = row(digits.substring(0, depth), rate);
        return Optional.of(new RateMatch(row.prefix(), row.destination(), row.ratePerMinuteMicros(), row.increment(),
                row.effectiveFrom(), row.effectiveUntil()));
    }

    /** The rate per minute of a {@link #find} result, in micro-units. */
    public long ratePerMinuteMicros(long found) {
        return micros[(int) (found >>> DEPTH_BITS)];
    }

    /** Every row, prefixes in lexicographic order, each prefix's rows by effective-from. */
    public void forEachRow(Consumer<RateRow> rows) {
        visit(0, new char[RateRow.MAX_PREFIX_DIGITS], 0, rows);
    }

    public int rowCount() {
        return micros.length;
    }

    /** Distinct prefixes. */
    public int prefixCount() {
        int count = 0;
        for (int n = 0; n < firstChild.length; n++) {
            if (rateStart[n + 1] > rateStart[n]) {
                count++;
            }
        }
        return count;
    }

    int nodeCount() {
        return firstChild.length;
    }

    /**
     * Bytes of the arrays' payloads (headers and the destination names aside): 10 per trie node, 24 per rate, 4 per
     * distinct destination reference.
     */
    public long footprintBytes() {
        long nodes = firstChild.length;
        long rates = micros.length;
        return nodes * (Integer.BYTES + Short.BYTES + Integer.BYTES) + rates * (Long.BYTES + 4L * Integer.BYTES)
                + (long) destinations.length * Integer.BYTES;
    }

    private int effectiveRate(int node, int epochDay) {
        for (int r = rateStart[node], end = rateStart[node + 1]; r < end; r++) {
            if (fromDay[r] <= epochDay && epochDay < untilDay[r]) {
                return r;
            }
        }
        return -1;
    }

    private void visit(int node, char[] path, int depth, Consumer<RateRow> rows) {
        if (rateStart[node + 1] > rateStart[node]) {
            String prefix = new String(path, 0, depth);
            for (int r = rateStart[node]; r < rateStart[node + 1]; r++) {
                rows.accept(row(prefix, r));
            }
        }
        int mask = childMask[node];
        int child = firstChild[node];
        for (int digit = 0; digit <= 9; digit++) {
            if ((mask & (1 << digit)) != 0) {
                path[depth] = (char) ('0' + digit);
                visit(child++, path, depth + 1, rows);
            }
        }
    }

    private RateRow row(String prefix, int r) {
        return new RateRow(prefix, destinations[destination[r]], micros[r],
                new BillingIncrement(increment[r] >>> 16, increment[r] & 0xFFFF), LocalDate.ofEpochDay(fromDay[r]),
                untilDay[r] == OPEN_ENDED ? null : LocalDate.ofEpochDay(untilDay[r]));
    }
}
