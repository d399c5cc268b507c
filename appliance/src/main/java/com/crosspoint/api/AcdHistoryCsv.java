package com.crosspoint.api;

import com.crosspoint.acd.report.AgentInterval;
import com.crosspoint.acd.report.QueueInterval;
import com.crosspoint.chat.report.ChatAgentInterval;
import com.crosspoint.chat.report.ChatQueueInterval;
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

    static final String CHAT_QUEUE_HEADER = "intervalStart,queue,offered,answered,abandoned,averageAbandonSeconds,"
            + "serviceLevelSeconds,serviceLevelPercent,averageAnswerSeconds,averageHandleSeconds,longestWaitSeconds";
    static final String CHAT_AGENT_HEADER = "intervalStart,userId,extension,answered,averageHandleSeconds";

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

    static byte[] chatQueues(List<ChatQueueInterval> rows) {
        StringBuilder sb = new StringBuilder(CHAT_QUEUE_HEADER).append("\r\n");
        for (ChatQueueInterval r : rows) {
            CdrCsv.row(sb, r.start().toString(), r.queue(), Integer.toString(r.offered()),
                    Integer.toString(r.answered()), Integer.toString(r.abandoned()),
                    CdrCsv.number(r.averageAbandonSeconds()), Integer.toString(r.serviceLevelSeconds()),
                    CdrCsv.number(r.serviceLevelPercent()), CdrCsv.number(r.averageAnswerSeconds()),
                    CdrCsv.number(r.averageHandleSeconds()), CdrCsv.number(r.longestWaitSeconds()));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @param extensions a user's extension by their id (empty when they are gone) */
    static byte[] chatAgents(List<ChatAgentInterval> rows, LongFunction<String> extensions) {
        StringBuilder sb = new StringBuilder(CHAT_AGENT_HEADER).append("\r\n");
        for (ChatAgentInterval r : rows) {
            CdrCsv.row(sb, r.start().toString(), Long.toString(r.userId()), extensions.apply(r.userId()),
                    Integer.toString(r.answered()), CdrCsv.number(r.averageHandleSeconds()));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
