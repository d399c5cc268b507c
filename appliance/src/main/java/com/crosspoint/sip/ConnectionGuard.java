package com.crosspoint.sip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The connections accepted on the SIP TCP and TLS ports. A source address holds at most {@code perSource} at a time:
 * one more is closed as it is accepted. A connection idle for {@code idleMillis} is closed unless a phone registered
 * over it ({@link FlowTable}), since requests to that phone must find it open: a scanner's idle connections go, a
 * phone's stay as long as its registration. Without this JAIN-SIP keeps any connection for two hours, and accepts
 * as many as the operating system allows.
 */
final class ConnectionGuard implements FlowFailures.Connections {
    /** One accepted connection as the guard sees it. */
    interface Connection {
        String host();

        int port();

        boolean isOpen();

        long lastActivityMillis();

        void close();
    }

    private final int perSource;
    private final long idleMillis;
    private final FlowTable flows;
    private final EdgeRefusals refusals;
    private final LongSupplier clock;
    private final Map<String, List<Connection>> bySource = new HashMap<>();

    /** @param clock milliseconds on the clock {@link Connection#lastActivityMillis()} is read on */
    ConnectionGuard(int perSource, long idleMillis, FlowTable flows, EdgeRefusals refusals, LongSupplier clock) {
        if (perSource < 1 || idleMillis < 1) {
            throw new IllegalArgumentException("perSource and idleMillis must be positive");
        }
        this.perSource = perSource;
        this.idleMillis = idleMillis;
        this.flows = flows;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** How often {@link #closeIdle} should run: twice per idle time, so none stays much longer. */
    long auditPeriodMillis() {
        return Math.max(500, idleMillis / 2);
    }

    /** Whether a connection just accepted may stay; false (counted) when its source holds its share already. */
    synchronized boolean admit(Connection c) {
        List<Connection> open = bySource.computeIfAbsent(c.host(), h -> new ArrayList<>());
        open.removeIf(x -> !x.isOpen());
        if (open.size() >= perSource) {
            refusals.count(EdgeRefusals.Reason.TCP_CONNECTIONS_PER_SOURCE);
            return false;
        }
        open.add(c);
        return true;
    }

    /** Whether a connection accepted from {@code host}:{@code port} is still open (a TCP/TLS flow is alive). */
    @Override
    public synchronized boolean open(String host, int port) {
        List<Connection> open = bySource.get(host);
        if (open == null) {
            return false;
        }
        for (Connection c : open) {
            if (c.port() == port && c.isOpen()) {
                return true;
            }
        }
        return false;
    }

    /** Closes the idle connections that carry no registration (counted); run every {@link #auditPeriodMillis}. */
    int closeIdle() {
        long now = clock.getAsLong();
        Set<String> registered = flows.registeredSources();
        List<Connection> idle = new ArrayList<>();
        synchronized (this) {
            for (Iterator<List<Connection>> it = bySource.values().iterator(); it.hasNext(); ) {
                List<Connection> open = it.next();
                open.removeIf(x -> !x.isOpen());
                if (open.isEmpty()) {
                    it.remove();
                }
                for (Connection c : open) {
                    if (now - c.lastActivityMillis() >= idleMillis && !registered.contains(c.host() + ":" + c.port())) {
                        idle.add(c);
                    }
                }
            }
        }
        // Closed outside the lock: closing calls back into the stack.
        for (Connection c : idle) {
            c.close();
            refusals.count(EdgeRefusals.Reason.TCP_IDLE_CLOSED);
        }
        return idle.size();
    }
}
