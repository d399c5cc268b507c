package com.crosspoint.bench;

import java.time.Duration;

/** A SIP server under test: where SIPp sends, whom it registers and calls as, and the CPU it has used. */
interface BenchTarget extends AutoCloseable {

    /** Label in the report, e.g. "Crosspoint". */
    String name();

    int sipPort();

    BenchAccounts accounts();

    /** CPU seconds used so far by all of the server's processes. */
    double cpuSeconds();

    /**
     * Pause between two steps so the previous step's lingering state (transactions absorbing retransmissions)
     * is gone and does not count against the next one.
     */
    Duration cooldown();

    @Override
    void close();
}
