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
 * @param silenceMillis     how long an INVITE branch may stay silent (no response at all, not even 100)
 *                          before the next target is tried; 0 = only Timer B (a carrier router fails over
 *                          on silence long before Timer B)
 * @param dialogs           the table of answered calls whose end an observer waits for
 * @param overloadControl   whether a queue of input that does not drain cuts the share of new requests admitted
 *                          ({@link Admission}); off = admission by {@code maxPending} only
 */
public record ProxySettings(String host, int port, int udpThreads, int maxPending, int retryAfterSeconds,
        boolean recordRoute, TimerSettings timers, ScanLimits scanLimits, StreamLimits streamLimits,
        long silenceMillis, DialogLimits dialogs, boolean overloadControl) {

    /**
     * @param capacity      most answered calls tracked at once; beyond it a call's end is reported at its answer
     * @param maxAgeSeconds after this a tracked call whose BYE never passed is reported ended
     */
    public record DialogLimits(int capacity, long maxAgeSeconds) {
        public static final DialogLimits DEFAULT = new DialogLimits(200_000, 4 * 3600);

        public DialogLimits {
            if (capacity < 0 || maxAgeSeconds < 1) {
                throw new IllegalArgumentException("bad dialog limits");
            }
        }
    }

    public ProxySettings {
        if (port < 0 || port > 65535 || udpThreads < 1 || maxPending < 1 || retryAfterSeconds < 0
                || silenceMillis < 0) {
            throw new IllegalArgumentException("bad proxy settings");
        }
    }

    /** Defaults for a proxy on {@code host:port}: 2 UDP threads, 10,000 pending transactions, RFC timers. */
    public static ProxySettings defaults(String host, int port) {
        return new ProxySettings(host, port, 2, 10_000, 5, true, TimerSettings.RFC3261, ScanLimits.DEFAULT,
                StreamLimits.DEFAULT, 0, DialogLimits.DEFAULT, true);
    }

    public ProxySettings withTimers(TimerSettings t) {
        return new ProxySettings(host, port, udpThreads, maxPending, retryAfterSeconds, recordRoute, t, scanLimits,
                streamLimits, silenceMillis, dialogs, overloadControl);
    }

    public ProxySettings withMaxPending(int limit) {
        return new ProxySettings(host, port, udpThreads, limit, retryAfterSeconds, recordRoute, timers, scanLimits,
                streamLimits, silenceMillis, dialogs, overloadControl);
    }

    public ProxySettings withUdpThreads(int threads) {
        return new ProxySettings(host, port, threads, maxPending, retryAfterSeconds, recordRoute, timers, scanLimits,
                streamLimits, silenceMillis, dialogs, overloadControl);
    }

    /** @param on whether a standing queue of input cuts the share of new requests admitted */
    public ProxySettings withOverloadControl(boolean on) {
        return new ProxySettings(host, port, udpThreads, maxPending, retryAfterSeconds, recordRoute, timers, scanLimits,
                streamLimits, silenceMillis, dialogs, on);
    }

    public ProxySettings withSilence(long millis) {
        return new ProxySettings(host, port, udpThreads, maxPending, retryAfterSeconds, recordRoute, timers, scanLimits,
                streamLimits, millis, dialogs, overloadControl);
    }
}
