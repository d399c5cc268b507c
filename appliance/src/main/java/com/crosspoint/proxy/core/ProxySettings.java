package com.crosspoint.proxy.core;

import com.crosspoint.proxy.transaction.TimerSettings;
import com.crosspoint.proxy.transport.StreamLimits;
import com.crosspoint.proxy.wire.ScanLimits;

/**
 * How a proxy core runs.
 *
 * @param host              the address put into Via and Record-Route (an IP literal others can reach)
 * @param port              UDP and TCP port; 0 picks a free one (the same number for both)
 * @param udpThreads        I/O threads reading the UDP socket, each handling what it reads
 * @param maxPending        transactions waiting for a final answer; beyond it new requests get 503
 * @param retryAfterSeconds the Retry-After of that 503
 * @param recordRoute       whether initial dialog-creating requests are record-routed (for dialogs
 *                          to stay on this proxy)
 */
public record ProxySettings(String host, int port, int udpThreads, int maxPending, int retryAfterSeconds,
        boolean recordRoute, TimerSettings timers, ScanLimits scanLimits, StreamLimits streamLimits) {

    public ProxySettings {
        if (port < 0 || port > 65535 || udpThreads < 1 || maxPending < 1 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("bad proxy settings");
        }
    }

    /** Defaults for a proxy on {@code host:port}: 2 UDP threads, 10,000 pending transactions, RFC timers. */
    public static ProxySettings defaults(String host, int port) {
        return new ProxySettings(host, port, 2, 10_000, 5, true, TimerSettings.RFC3261, ScanLimits.DEFAULT,
                StreamLimits.DEFAULT);
    }

    public ProxySettings withTimers(TimerSettings t) {
        return new ProxySettings(host, port, udpThreads, maxPending, retryAfterSeconds, recordRoute, t, scanLimits,
                streamLimits);
    }

    public ProxySettings withMaxPending(int limit) {
        return new ProxySettings(host, port, udpThreads, limit, retryAfterSeconds, recordRoute, timers, scanLimits,
                streamLimits);
    }
}
