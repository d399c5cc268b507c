package com.crosspoint.bench;

import java.nio.file.Path;

/**
 * One fixed-rate SIPp run against one peer.
 *
 * @param offered         calls (registrations) SIPp was told to make
 * @param successful      completed without error (for calls: on the caller's side; the callee's are in the verdict)
 * @param failed          failed calls, caller and callee side together
 * @param retransmissions SIPp's Retransmissions counter, caller and callee side together: any means a
 *                        response (or our ACK) took longer than T1 = 500 ms or was lost
 * @param wallSeconds     from starting SIPp to its exit
 * @param peerCpuSeconds  CPU the peer's processes used during the run
 * @param machineBusy     share of all CPUs busy during the run, everything on the machine included, 0..100
 * @param loadAverage     one-minute load average at the end of the run
 * @param verdict         empty when the step passed, else why not
 * @param logDir          SIPp's logs of the caller (or registering) side
 */
record StepResult(Scenario scenario, int rate, long offered, long successful, long failed, long retransmissions,
                  double wallSeconds, double peerCpuSeconds, double machineBusy, double loadAverage, String verdict,
                  Path logDir) {

    boolean passed() {
        return verdict.isEmpty();
    }

    /** The peer's CPU in percent of one core over the run. */
    double peerCpuPercent() {
        return wallSeconds <= 0 ? 0 : 100 * peerCpuSeconds / wallSeconds;
    }

    /** The peer's CPU time per successful call (registration), in microseconds. */
    double peerCpuMicrosPerCall() {
        return successful == 0 ? 0 : 1e6 * peerCpuSeconds / successful;
    }
}
