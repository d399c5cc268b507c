package com.crosspoint.api;

import com.crosspoint.acd.report.AgentInterval;
import com.crosspoint.acd.report.QueueInterval;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongFunction;

/** The contact center's interval figures as CSV, written (and defused) as {@link CdrCsv} writes call records. */
final class AcdHistoryCsv {
    static final String QUEUE_HEADER = "intervalStart,queueId,queueNumber,offered,answered,abandoned,overflowed,"
            + "averageAbandonSeconds,serviceLevelPercent,averageAnswerSeconds,averageHandleSeconds,longestWaitSeconds,"
            + "transferred,callbacksRequested,callbacksServed,callbacksFailed";
    static final String AGENT_HEADER = "intervalStart,userId,extension,answered,averageHandleSeconds,staffedSeconds,"
            + "occupancyPercent";

    private AcdHistoryCsv() {
    }

    /** @param numbers a queue's number by its id (empty when it is gone) */
    static byte[] queues(List<QueueInterval> rows, LongFunction<String> numbers) {
        StringBuilder sb = new StringBuilder(QUEUE_HEADER).append("\r\n");
        for (QueueInterval r : rows) {
            CdrCsv.row(sb, r.start().toString(), Long.toString(r.queueId()), numbers.apply(r.queueId()),
                    Integer.toString(r.offered()), Integer.toString(r.answered()), Integer.toString(r.abandoned()),
                    Integer.toString(r.overflowed()), CdrCsv.number(r.averageAbandonSeconds()),
                    CdrCsv.number(r.serviceLevelPercent()), CdrCsv.number(r.averageAnswerSeconds()),
                    CdrCsv.number(r.averageHandleSeconds()), CdrCsv.number(r.longestWaitSeconds()),
                    Integer.toString(r.transferred()), Integer.toString(r.callbacksRequested()),
                    Integer.toString(r.callbacksServed()), Integer.toString(r.callbacksFailed()));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @param extensions a user's extension by their id (empty when they are gone) */
    static byte[] agents(List<AgentInterval> rows, LongFunction<String> extensions) {
        StringBuilder sb = new StringBuilder(AGENT_HEADER).append("\r\n");
        for (AgentInterval r : rows) {
            CdrCsv.row(sb, r.start().toString(), Long.toString(r.userId()), extensions.apply(r.userId()),
                    Integer.toString(r.answered()), CdrCsv.number(r.averageHandleSeconds()),
                    CdrCsv.number(r.staffedSeconds()), CdrCsv.number(r.occupancyPercent()));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
