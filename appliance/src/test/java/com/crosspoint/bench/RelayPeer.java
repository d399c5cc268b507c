package com.crosspoint.bench;

/** A relay the RTP benchmark sends its calls through (or none: the direct baseline). */
interface RelayPeer extends AutoCloseable {

    String name();

    /** Sets up one relayed call per call of the load and routes each endpoint to the relay's port for it. */
    void connect(RtpLoad load);

    /** Ends the calls {@link #connect} set up. */
    void disconnect();

    /** CPU time the relay has used so far (all its threads or processes), in seconds. */
    double cpuSeconds();

    /** The memory the relay's calls are measured by (bytes): its process's resident set, or the JVM's heap. */
    Memory memory();

    @Override
    void close();

    /**
     * @param heapBytes heap in use after a full GC, or -1 when the relay is not a JVM of ours
     * @param rssBytes  resident set of the relay's process
     */
    record Memory(long heapBytes, long rssBytes) {
    }
}
