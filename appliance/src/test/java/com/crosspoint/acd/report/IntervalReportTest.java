package com.crosspoint.acd.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.crosspoint.acd.AgentSpan;
import com.crosspoint.acd.AgentStatus;
import com.crosspoint.acd.QueueCallRecord;
import com.crosspoint.acd.QueueCallRecord.Outcome;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalReportTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private static QueueCallRecord answered(Instant joined, long waitMillis, long agent, long talkMillis,
                                            boolean inTime) {
        return new QueueCallRecord(1, 7, joined, Outcome.ANSWERED, waitMillis, agent, talkMillis, 10_000, inTime);
    }

    private static QueueCallRecord gone(Instant joined, Outcome outcome, long waitMillis) {
        return new QueueCallRecord(1, 7, joined, outcome, waitMillis, 0, 0, 0, false);
    }

    @Test
    void intervalsStartAtWholeMultiplesInUtc() {
        Instant at = Instant.parse("2026-12-07T10:37:12Z");
        assertThat(Interval.FIFTEEN_MINUTES.start(at)).isEqualTo(Instant.parse("2026-12-07T10:30:00Z"));
        assertThat(Interval.HOUR.start(at)).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(Interval.DAY.start(at)).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
    }

    @Test
    void aQueuesFiguresAreCountedInTheIntervalTheEntriesJoinedIn() {
        List<QueueCallRecord> calls = List.of(
                answered(T0.plusSeconds(60), 4_000, 3, 50_000, true),
                answered(T0.plusSeconds(120), 30_000, 4, 110_000, false),
                gone(T0.plusSeconds(300), Outcome.ABANDONED, 12_000),
                gone(T0.plusSeconds(400), Outcome.OVERFLOWED, 60_000),
                gone(T0.plusSeconds(1_000), Outcome.ABANDONED, 8_000)); // the next quarter hour

        List<QueueInterval> quarters = IntervalReport.queues(calls, Interval.FIFTEEN_MINUTES);

        assertThat(quarters).hasSize(2);
        QueueInterval first = quarters.get(0);
        assertThat(first.start()).isEqualTo(T0);
        assertThat(first.queueId()).isEqualTo(7);
        assertThat(first.offered()).isEqualTo(4);
        assertThat(first.answered()).isEqualTo(2);
        assertThat(first.abandoned()).isEqualTo(1);
        assertThat(first.overflowed()).isEqualTo(1);
        assertThat(first.averageAbandonSeconds()).isEqualTo(12.0);
        assertThat(first.serviceLevelPercent()).as("1 in time of 2 answered + 1 abandoned")
                .isCloseTo(100.0 / 3, within(1e-9));
        assertThat(first.averageAnswerSeconds()).isEqualTo(17.0);
        assertThat(first.averageHandleSeconds()).as("talk plus 10 s wrap-up").isEqualTo(90.0);
        assertThat(first.longestWaitSeconds()).isEqualTo(60.0);
        assertThat(quarters.get(1).start()).isEqualTo(T0.plusSeconds(900));
        assertThat(quarters.get(1).serviceLevelPercent()).isZero();

        List<QueueInterval> hours = IntervalReport.queues(calls, Interval.HOUR);
        assertThat(hours).singleElement().satisfies(h -> {
            assertThat(h.offered()).isEqualTo(5);
            assertThat(h.abandoned()).isEqualTo(2);
            assertThat(h.averageAbandonSeconds()).isEqualTo(10.0);
        });
    }

    @Test
    void anIntervalWithoutAnsweredOrAbandonedCallsHasAFullServiceLevel() {
        List<QueueInterval> rows = IntervalReport.queues(List.of(gone(T0, Outcome.OVERFLOWED, 0)), Interval.HOUR);
        assertThat(rows.get(0).serviceLevelPercent()).isEqualTo(100.0);
        assertThat(rows.get(0).averageAnswerSeconds()).isZero();
    }

    @Test
    void anAgentsOccupancyIsBusyOfStaffedTimeCutAtIntervalBoundariesPausesLeftOut() {
        List<AgentSpan> spans = List.of(
                new AgentSpan(1, 3, AgentStatus.AVAILABLE, T0.plusSeconds(600), T0.plusSeconds(840)),
                new AgentSpan(1, 3, AgentStatus.ON_CALL, T0.plusSeconds(840), T0.plusSeconds(960)), // crosses 15:00
                new AgentSpan(1, 3, AgentStatus.WRAP_UP, T0.plusSeconds(960), T0.plusSeconds(1_020)),
                new AgentSpan(1, 3, AgentStatus.PAUSED, T0.plusSeconds(1_020), T0.plusSeconds(1_500)));
        List<QueueCallRecord> calls = List.of(answered(T0.plusSeconds(830), 10_000, 3, 120_000, true));

        List<AgentInterval> rows = IntervalReport.agents(calls, spans, Interval.FIFTEEN_MINUTES);

        assertThat(rows).hasSize(2);
        AgentInterval first = rows.get(0);
        assertThat(first.userId()).isEqualTo(3);
        assertThat(first.answered()).isEqualTo(1);
        assertThat(first.averageHandleSeconds()).isEqualTo(130.0);
        assertThat(first.staffedSeconds()).isEqualTo(300.0); // 240 available + 60 on the call
        assertThat(first.occupancyPercent()).isEqualTo(20.0);
        AgentInterval second = rows.get(1);
        assertThat(second.answered()).isZero();
        assertThat(second.staffedSeconds()).as("60 on the call, 60 wrapping up; the pause is not staffed")
                .isEqualTo(120.0);
        assertThat(second.occupancyPercent()).isEqualTo(100.0);
    }
}
