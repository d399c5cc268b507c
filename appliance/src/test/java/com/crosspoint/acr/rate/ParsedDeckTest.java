package com.crosspoint.acr.rate;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.model.BillingIncrement;
import com.crosspoint.model.RateRow;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedDeckTest {
    private static final String HEADER = "prefix,destination,rate,increment,effective_from,effective_until\n";
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);

    private static ParsedDeck read(String csv) throws IOException {
        return ParsedDeck.read(new StringReader(csv), 1_000_000, 100, ImportProgress.NONE);
    }

    private static List<RateRow> rows(ParsedDeck deck) {
        List<RateRow> rows = new ArrayList<>();
        deck.table().orElseThrow().forEachRow(rows::add);
        return rows;
    }

    @Test
    void aGoodDeckWithQuotedFieldsAndCrLf() throws IOException {
        ParsedDeck deck = read("\uFEFF" + HEADER.replace("\n", "\r\n")
                + "+44,United Kingdom,0.0125,60/60,2026-01-01,\r\n"
                + "4420,\"London, \"\"fixed\"\"\",0.008,1/1,2026-01-01,2026-07-01\r\n"
                + "\r\n"
                + "33,\"France\nmulti-line\",1,30/6,2026-02-01,\r\n");

        assertThat(deck.errors().reported()).isEmpty();
        assertThat(deck.rows()).isEqualTo(3);
        assertThat(rows(deck)).containsExactly(
                new RateRow("33", "France\nmulti-line", 1_000_000, new BillingIncrement(30, 6), LocalDate.of(2026, 2, 1),
                        null),
                new RateRow("44", "United Kingdom", 12_500, BillingIncrement.PER_MINUTE, JAN, null),
                new RateRow("4420", "London, \"fixed\"", 8_000, BillingIncrement.PER_SECOND, JAN,
                        LocalDate.of(2026, 7, 1)));
    }

    @Test
    void columnsInAnyOrderAndOptionalOnesLeftOut() throws IOException {
        ParsedDeck deck = read("Effective_From,RATE,prefix\n2026-01-01,0.5,49\n");

        assertThat(rows(deck)).containsExactly(
                new RateRow("49", "", 500_000, BillingIncrement.PER_MINUTE, JAN, null));
    }

    @Test
    void everyBadRowIsReportedByItsNumberAndNothingIsBuilt() throws IOException {
        ParsedDeck deck = read(HEADER
                + "44,UK,0.01,60/60,2026-01-01,\n"          // row 2: good
                + "45,DK,abc,60/60,2026-01-01,\n"           // row 3
                + "4x,XX,0.01,60/60,2026-01-01,\n"          // row 4
                + "46,SE,0.01,60,2026-13-01,\n"             // row 5: two problems
                + "47,NO,0.01,60/60,2026-01-01,2026-01-01\n" // row 6
                + "48,PL,0.01,60/60\n"                      // row 7
                + "49,DE,\"0.01\"x,60/60,2026-01-01,\n"      // row 8
                + "50,AT,0.0000001,60/60,2026-01-01,\n");   // row 9

        assertThat(deck.table()).isEmpty();
        assertThat(deck.rows()).isEqualTo(8);
        assertThat(deck.errors().reported()).containsExactly(
                "row 3: rate 'abc' is not a number",
                "row 4: prefix '4x' is not 1-15 digits",
                "row 5: increment '60' is not seconds/seconds like 60/60, each 1-3600; "
                        + "effective_from '2026-13-01' is not a date (YYYY-MM-DD)",
                "row 6: effective_until 2026-01-01 is not after effective_from 2026-01-01",
                "row 7: 4 fields, the header has 6",
                "row 8: text after a closing quote",
                "row 9: rate '0.0000001' has more than 6 decimals");
    }

    @Test
    void overlappingPeriodsAreReportedAfterEveryRowWasRead() throws IOException {
        ParsedDeck deck = read(HEADER + "44,UK,0.01,,2026-01-01,\n" + "44,UK,0.02,,2026-03-01,\n");

        assertThat(deck.errors().reported())
                .containsExactly("row 3: prefix 44 from 2026-03-01 overlaps row 2 (2026-01-01 to open)");
    }

    @Test
    void errorsBeyondTheCapAreCounted() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 250; i++) {
            csv.append("44,UK,bad,60/60,2026-01-01,\n");
        }
        ParsedDeck deck = ParsedDeck.read(new StringReader(csv.toString()), 1_000, 100, ImportProgress.NONE);

        assertThat(deck.errors().reported()).hasSize(100).first().isEqualTo("row 2: rate 'bad' is not a number");
        assertThat(deck.errors().reported()).last().isEqualTo("row 101: rate 'bad' is not a number");
        assertThat(deck.errors().unreported()).isEqualTo(150);
    }

    @Test
    void headerProblems() throws IOException {
        assertThat(read("").errors().reported()).containsExactly(
                "row 1: the file is empty; the first row must name the columns");
        assertThat(read("prefix,rate\n").errors().reported()).containsExactly(
                "row 1: the header has no column 'effective_from'");
        assertThat(read("prefix,rate,effective_from,price\n").errors().reported()).containsExactly(
                "row 1: unknown column 'price'");
        assertThat(read("prefix,rate,rate,effective_from\n").errors().reported()).containsExactly(
                "row 1: column 'rate' appears twice");
        assertThat(read(HEADER).errors().reported()).containsExactly("row 2: the deck has no rows");
    }

    @Test
    void anUnclosedQuoteOrAHugeFieldIsARowErrorNotAMemoryProblem() throws IOException {
        String huge = "9".repeat(100_000);
        ParsedDeck deck = read(HEADER + "44,UK," + huge + ",60/60,2026-01-01,\n" + "45,\"DK,0.01,60/60,2026-01-01,\n"
                + "46,SE,0.01,60/60,2026-01-01,\n");

        assertThat(deck.errors().reported()).containsExactly(
                "row 2: a field is longer than 256 characters",
                "row 3: a quote opened in this row is never closed");
    }

    @Test
    void moreRowsThanAllowedStopsTheRead() throws IOException {
        String csv = HEADER + "41,A,1,,2026-01-01,\n42,B,1,,2026-01-01,\n43,C,1,,2026-01-01,\n";
        ParsedDeck deck = ParsedDeck.read(new StringReader(csv), 2, 100, ImportProgress.NONE);

        assertThat(deck.errors().reported()).containsExactly("row 4: the deck has more than 2 rows");
    }

    @Test
    void progressIsToldAsRowsAreRead() throws IOException {
        List<Long> told = new ArrayList<>();
        ImportProgress progress = new ImportProgress() {
            @Override
            public void rowsRead(long rows) {
                told.add(rows);
            }
        };
        ParsedDeck.read(new GeneratedDeck(25_000), 1_000_000, 100, progress);

        assertThat(told).containsExactly(10_000L, 20_000L, 25_000L);
    }

    /** A deck produced as it is read, so that a test of a large file holds no file. */
    static final class GeneratedDeck extends Reader {
        private final int rows;
        private int next;
        private String pending = HEADER;
        private int offset;

        GeneratedDeck(int rows) {
            this.rows = rows;
        }

        @Override
        public int read(char[] buffer, int off, int len) {
            if (offset == pending.length()) {
                if (next == rows) {
                    return -1;
                }
                pending = (1_000_000 + next) + ",Somewhere," + (next % 1000) + ".0125,60/60,2026-01-01,\n";
                next++;
                offset = 0;
            }
            int n = Math.min(len, pending.length() - offset);
            pending.getChars(offset, offset + n, buffer, off);
            offset += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
