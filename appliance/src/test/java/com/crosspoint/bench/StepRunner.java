package com.crosspoint.bench;

import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import com.crosspoint.testing.SippRunner;
import com.crosspoint.testing.SippStatistics;
import com.crosspoint.testing.SippUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one SIPp step at a fixed rate against a peer and judges it: every call succeeded, nothing was
 * retransmitted, and SIPp kept the rate (it slows down by itself when too many calls are open).
 * SIPp's local ports stay the same for the whole benchmark, so re-registrations refresh a user's one binding
 * instead of adding a binding per step.
 */
final class StepRunner {
    /** SIPp's own socket buffers; the kernel caps them at net.core.[rw]mem_max. */
    private static final String SOCKET_BUFFER = Integer.toString(4 * 1024 * 1024);
    private static final Duration SIPP_MARGIN = Duration.ofSeconds(60);
    /** Slack on the step's nominal length before a run counts as slowed down. */
    private static final double SLOWDOWN_FACTOR = 1.1;
    private static final double SLOWDOWN_SECONDS = 5;

    private final BenchTarget target;
    private final Duration step;
    private final Duration hold;
    private final List<SippUser> users;
    private final int registerPort = FreePorts.udpAndTcp();
    private final int callerPort = FreePorts.udpAndTcp();
    private final int calleePort = FreePorts.udpAndTcp();

    StepRunner(BenchTarget target, Duration step, Duration hold, int users) {
        this.target = target;
        this.step = step;
        this.hold = hold;
        this.users = target.accounts().registerUsers(users);
    }

    StepResult register(int rate) {
        return register(rate, step, "reg");
    }

    /** A REGISTER run of its own length (warm-up). */
    StepResult register(int rate, Duration length, String label) {
        int offered = offered(rate, length);
        Measurement m = Measurement.start(target);
        SippResult result = SippRunner.scenario("sipp/register-digest.xml").name(label(label, rate))
                .remote("127.0.0.1", target.sipPort()).localPort(registerPort).users(users)
                .calls(offered).rate(rate).timeout(length.plus(SIPP_MARGIN))
                .args("-l", Integer.toString(Math.max(100, rate)), "-buff_size", SOCKET_BUFFER).run();
        return m.finish(Scenario.REGISTER, rate, offered, length, Duration.ZERO, List.of(result));
    }

    StepResult calls(int rate) {
        return calls(rate, step, "calls");
    }

    /** A call run of its own length (warm-up): the SIPp UAS registers as the callee, then the UAC calls it. */
    StepResult calls(int rate, Duration length, String label) {
        int offered = offered(rate, length);
        BenchAccounts accounts = target.accounts();
        Duration limit = length.plus(hold).plus(SIPP_MARGIN);
        try (SippProcess callee = SippRunner.registerThenServe("127.0.0.1", target.sipPort(), accounts.calleeUser(),
                calleePort, offered, limit)) {
            Measurement m = Measurement.start(target);
            SippResult caller = SippRunner.scenario("sipp/uac-call.xml").name(label(label, rate))
                    .remote("127.0.0.1", target.sipPort()).localPort(callerPort)
                    .users(List.of(accounts.callerUser())).calls(offered).rate(rate).callDuration(hold)
                    .timeout(limit)
                    .args("-l", Integer.toString(concurrentLimit(rate)), "-buff_size", SOCKET_BUFFER).run();
            SippResult served = callee.await();
            return m.finish(Scenario.CALLS, rate, offered, length, hold, List.of(caller, served));
        }
    }

    /** Enough open calls for the hold time plus two seconds of set-up at this rate. */
    private int concurrentLimit(int rate) {
        return (int) Math.max(100, rate * (hold.toMillis() / 1000.0 + 2));
    }

    private String label(String kind, int rate) {
        return target.name().toLowerCase(java.util.Locale.ROOT) + "-" + kind + "-" + rate;
    }

    private static int offered(int rate, Duration length) {
        return (int) Math.max(1, Math.round(rate * length.toMillis() / 1000.0));
    }

    /** Counters taken around one step. */
    private record Measurement(BenchTarget target, long startedNanos, double cpuBefore, MachineLoad loadBefore) {

        static Measurement start(BenchTarget target) {
            return new Measurement(target, System.nanoTime(), target.cpuSeconds(), MachineLoad.now());
        }

        /** @param runs the caller's (or registering) run first, then the callee's if any */
        StepResult finish(Scenario scenario, int rate, int offered, Duration length, Duration hold,
                          List<SippResult> runs) {
            double wall = (System.nanoTime() - startedNanos) / 1e9;
            double cpu = target.cpuSeconds() - cpuBefore;
            MachineLoad after = MachineLoad.now();
            List<String> problems = new ArrayList<>();
            long failed = 0;
            long retransmissions = 0;
            for (SippResult run : runs) {
                SippStatistics s = run.statistics();
                if (s == null || s.retransmissions() < 0) {
                    problems.add("no statistics from " + run.logDir().getFileName());
                    continue;
                }
                failed += s.failedCalls();
                retransmissions += s.retransmissions();
                if (run.exitCode() != 0 || run.timedOut()) {
                    problems.add("sipp exit " + run.exitCode() + (run.timedOut() ? " (timed out)" : ""));
                }
                if (s.successfulCalls() != offered) {
                    problems.add(s.successfulCalls() + " of " + offered + " completed in "
                            + run.logDir().getFileName());
                }
            }
            if (failed > 0) {
                problems.add(failed + " failed");
            }
            if (retransmissions > 0) {
                problems.add(retransmissions + " retransmissions");
            }
            double allowed = length.toMillis() / 1000.0 * SLOWDOWN_FACTOR + hold.toMillis() / 1000.0 + SLOWDOWN_SECONDS;
            if (wall > allowed) {
                problems.add(String.format(java.util.Locale.ROOT, "took %.1f s, more than %.1f s: rate not kept",
                        wall, allowed));
            }
            SippStatistics first = runs.get(0).statistics();
            long successful = first == null ? 0 : first.successfulCalls();
            return new StepResult(scenario, rate, offered, successful, failed, retransmissions, wall, cpu,
                    after.busyPercentSince(loadBefore), after.loadAverage1(), String.join("; ", problems),
                    runs.get(0).logDir());
        }
    }
}
