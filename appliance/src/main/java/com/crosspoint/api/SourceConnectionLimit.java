package com.crosspoint.api;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the open connections from one IP address: the one over the cap is closed as soon as it opens
 * (before a byte of it is parsed), and counted. Jetty's {@code NetworkConnectionLimit} caps the whole
 * server; this keeps one source from taking all of that. Each connection's address is noted when it opens:
 * a closed end point no longer knows its remote address, and a count keyed by that would never come down.
 */
final class SourceConnectionLimit implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(SourceConnectionLimit.class);

    private final int perSource;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Connection, String> sources = new ConcurrentHashMap<>();
    private final LongAdder refused = new LongAdder();

    SourceConnectionLimit(int perSource) {
        this.perSource = perSource;
    }

    @Override
    public void onOpened(Connection connection) {
        String source = source(connection.getEndPoint().getRemoteSocketAddress());
        sources.put(connection, source);
        int now = open.merge(source, 1, Integer::sum);
        if (now > perSource) {
            refused.increment();
            LOG.debug("connection from {} refused: {} open, cap {}", source, now - 1, perSource);
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        String source = sources.remove(connection);
        if (source != null) {
            open.computeIfPresent(source, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** Connections closed for being over the cap, since start. */
    long refused() {
        return refused.sum();
    }

    private static String source(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(address);
    }
}
