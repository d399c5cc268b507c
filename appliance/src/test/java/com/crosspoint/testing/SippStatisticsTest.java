package com.crosspoint.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SippStatisticsTest {

    // Shape of a real SIPp 3.6.1 -trace_stat file (columns shortened); time stamps contain tabs.
    private static final String HEADER = "StartTime;CurrentTime;OutgoingCall(C);SuccessfulCall(P);SuccessfulCall(C);"
            + "FailedCall(P);FailedCall(C);Retransmissions(P);Retransmissions(C);ResponseTime1(C);";

    @Test
    void takesTheCumulativeCountersOfTheLastRow() {
        List<String> csv = List.of(HEADER,
                "2026-11-27\t02:24:56.4\t1.4;2026-11-27\t02:24:57.4\t1.4;50;50;50;0;0;0;0;00:00:00:001000;",
                "2026-11-27\t02:24:56.4\t1.4;2026-11-27\t02:24:58.4\t1.4;100;0;97;0;3;0;7;00:00:00:002000;", "");

        SippStatistics stats = SippStatistics.fromCsv(csv).orElseThrow();

        assertThat(stats.successfulCalls()).isEqualTo(97);
        assertThat(stats.failedCalls()).isEqualTo(3);
        assertThat(stats.retransmissions()).isEqualTo(7);
        assertThat(stats.column("ResponseTime1(C)")).contains("00:00:00:002000");
    }

    @Test
    void headerOnlyMeansNoStatisticsYet() {
        assertThat(SippStatistics.fromCsv(List.of(HEADER))).isEmpty();
    }

    @Test
    void fallsBackToTheLastScreen() {
        String screen = """
                  Successful call        |        0                  |       10
                  Failed call            |        0                  |        0
                ------ later screen ------
                  Successful call        |        2                  |       12
                  Failed call            |        1                  |        1
                """;

        SippStatistics stats = SippStatistics.fromScreen(screen).orElseThrow();

        assertThat(stats.successfulCalls()).isEqualTo(12);
        assertThat(stats.failedCalls()).isEqualTo(1);
    }
}
