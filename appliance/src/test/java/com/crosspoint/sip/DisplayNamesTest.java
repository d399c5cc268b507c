package com.crosspoint.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Display names become the inside of a quoted-string: escaped, never a line of their own (issue 10 item 4). */
class DisplayNamesTest {
    @Test
    void quotesAndBackslashesBecomeQuotedPairs() {
        assertThat(DisplayNames.quotedContent("Al \"The Boss\" \\ Ice")).contains("Al \\\"The Boss\\\" \\\\ Ice");
    }

    @Test
    void controlCharactersAreDroppedSoNoHeaderCanStart() {
        assertThat(DisplayNames.quotedContent("Mallory\r\nCall-Info: <sip:x>;answer-after=0"))
                .contains("MalloryCall-Info: <sip:x>;answer-after=0");
        assertThat(DisplayNames.quotedContent("A\u0000B\tC\u2028D\u0085E")).contains("ABCDE");
    }

    @Test
    void printableTextPassesAsItIs() {
        assertThat(DisplayNames.quotedContent("Émile Zoë 李")).contains("Émile Zoë 李");
    }

    @Test
    void nothingPrintableLeavesNoDisplayName() {
        assertThat(DisplayNames.quotedContent(null)).isEmpty();
        assertThat(DisplayNames.quotedContent(" \r\n ")).isEmpty();
    }
}
