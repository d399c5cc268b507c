package com.crosspoint.billing.rating;

import com.crosspoint.model.RetailRate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One plan's rates in memory, immutable, for longest-prefix match: a digit trie whose nodes keep their prefix's
 * periods by effective-from. The deepest prefix with a rate effective on the day wins, as in the carriers' decks
 * ({@code acr.rate.PrefixRateTable}): a prefix whose rate starts next month gives way to a shorter one. Retail plans
 * are small (thousands of prefixes), so plain nodes suffice; a look-up allocates nothing.
 */
public final class RetailRateTable {
    private static final RetailRate[] NONE = new RetailRate[0];

    private final Node root;
    private final int size;

    private RetailRateTable(Node root, int size) {
        this.root = root;
        this.size = size;
    }

    /** A table of {@code rates}, which must not overlap (checked where plans are edited). */
    public static RetailRateTable of(List<RetailRate> rates) {
        Node root = new Node();
        List<RetailRate> sorted = new ArrayList<>(rates);
        sorted.sort(Comparator.comparing(RetailRate::effectiveFrom));
        for (RetailRate rate : sorted) {
            Node node = root;
            String prefix = rate.prefix();
            for (int i = 0; i < prefix.length(); i++) {
                int digit = prefix.charAt(i) - '0';
                if (node.children[digit] == null) {
                    node.children[digit] = new Node();
                }
                node = node.children[digit];
            }
            node.add(rate);
        }
        return new RetailRateTable(root, rates.size());
    }

    /** The rate of the longest prefix of {@code digits} effective on {@code day}, or null. */
    public RetailRate find(CharSequence digits, LocalDate day) {
        Node node = root;
        RetailRate best = null;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(i) - '0';
            if (digit < 0 || digit > 9 || node.children[digit] == null) {
                break;
            }
            node = node.children[digit];
            RetailRate rate = node.effectiveOn(day);
            if (rate != null) {
                best = rate;
            }
        }
        return best;
    }

    public int size() {
        return size;
    }

    private static final class Node {
        final Node[] children = new Node[10];
        RetailRate[] periods = NONE;

        void add(RetailRate rate) {
            RetailRate[] grown = new RetailRate[periods.length + 1];
            System.arraycopy(periods, 0, grown, 0, periods.length);
            grown[periods.length] = rate;
            periods = grown;
        }

        RetailRate effectiveOn(LocalDate day) {
            for (RetailRate rate : periods) {
                if (rate.effectiveOn(day)) {
                    return rate;
                }
            }
            return null;
        }
    }
}
