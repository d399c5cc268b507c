package com.crosspoint.testing;

import java.nio.file.Path;

/**
 * Outcome of a SIPp run.
 *
 * @param exitCode   SIPp's exit code: 0 all calls succeeded, 1 some failed, 97 internal exit command,
 *                   99 normal exit without calls, 255/254 fatal error / bind failure; 137 when the harness killed it
 * @param timedOut   true if the harness killed SIPp after its time limit
 * @param output     stdout and stderr, ANSI stripped
 * @param statistics final counters, null if SIPp wrote none (e.g. it failed to start)
 * @param errors     contents of SIPp's error log (unexpected messages and the like)
 * @param logDir     directory with the scenario, CSV, stat.csv, screen.log, errors.log and messages.log
 */
public record SippResult(int exitCode, boolean timedOut, String output, SippStatistics statistics, String errors,
        Path logDir) {

    /** Exit code 0, not timed out, at least one call, none failed. */
    public boolean allSucceeded() {
        return exitCode == 0 && !timedOut && statistics != null && statistics.failedCalls() == 0
                && statistics.successfulCalls() > 0;
    }

    /** One paragraph for assertion messages. */
    public String summary() {
        String counters = statistics == null ? "no statistics"
                : "successful=" + statistics.successfulCalls() + " failed=" + statistics.failedCalls()
                        + " retransmissions=" + statistics.retransmissions();
        String tail = errors.length() > 2000 ? "..." + errors.substring(errors.length() - 2000) : errors;
        return "sipp exit=" + exitCode + (timedOut ? " (killed after timeout)" : "") + ", " + counters
                + ", logs in " + logDir + (tail.isBlank() ? "" : "\n--- errors ---\n" + tail);
    }
}
