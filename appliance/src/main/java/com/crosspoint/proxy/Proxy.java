package com.crosspoint.proxy;

import com.crosspoint.proxy.core.LocalEndpoint;
import com.crosspoint.proxy.core.ProxyCore;
import com.crosspoint.proxy.core.ProxyCounters;
import com.crosspoint.proxy.core.ProxySettings;
import com.crosspoint.proxy.core.TargetResolver;
import com.crosspoint.proxy.transaction.TimerWheel;
import com.crosspoint.proxy.transport.Flow;
import com.crosspoint.proxy.transport.MessageHandler;
import com.crosspoint.proxy.transport.TcpEndpoint;
import com.crosspoint.proxy.transport.TlsClient;
import com.crosspoint.proxy.transport.TlsSettings;
import com.crosspoint.proxy.transport.Transports;
import com.crosspoint.proxy.transport.UdpEndpoint;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running lean SIP proxy: UDP and TCP on one address and port, TLS on a port of its own when configured, the
 * timer wheel, and the
 * transaction-stateful core, with a {@link TargetResolver} deciding where initial requests go.
 * Starts listening in {@link #start} and releases every thread and socket in {@link #close}.
 */
public final class Proxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Proxy.class);
    private static final int BIND_ATTEMPTS = 10;

    private final TimerWheel wheel;
    private final UdpEndpoint udp;
    private final TcpEndpoint tcp;
    /** Null without TLS. */
    private final TcpEndpoint tls;
    private final ProxyCore core;
    private final Transports transports;

    private Proxy(TimerWheel wheel, UdpEndpoint udp, TcpEndpoint tcp, TcpEndpoint tls, ProxyCore core,
            Transports transports) {
        this.tls = tls;
        this.wheel = wheel;
        this.udp = udp;
        this.tcp = tcp;
        this.core = core;
        this.transports = transports;
    }

    /** Binds UDP and TCP on {@code settings.host():settings.port()} (0: a free port, the same for both) and starts. */
    public static Proxy start(ProxySettings settings, TargetResolver resolver) {
        return start(settings, settings.host(), resolver);
    }

    /**
     * As {@link #start(ProxySettings, TargetResolver)}, listening on {@code bindAddress} (an IP literal, may be a
     * wildcard) while Via and Record-Route name {@code settings.host()}.
     */
    public static Proxy start(ProxySettings settings, String bindAddress, TargetResolver resolver) {
        return start(settings, bindAddress, resolver, 0, null);
    }

    /**
     * As {@link #start(ProxySettings, String, TargetResolver)}, with a TLS listener on {@code tlsPort} (0: a free
     * one) when {@code tls} is not null.
     */
    public static Proxy start(ProxySettings settings, String bindAddress, TargetResolver resolver, int tlsPort,
            TlsSettings tls) {
        return start(settings, bindAddress, resolver, tlsPort, tls, null);
    }

    /**
     * As {@link #start(ProxySettings, String, TargetResolver, int, TlsSettings)}, opening TLS connections of its own
     * (to carriers) when {@code client} is not null, with or without a TLS listener.
     */
    public static Proxy start(ProxySettings settings, String bindAddress, TargetResolver resolver, int tlsPort,
            TlsSettings tls, TlsClient client) {
        InetAddress bind = address(bindAddress);
        TimerWheel wheel = new TimerWheel(System::nanoTime, 10, 1024);
        Transports transports = new Transports();
        CoreHolder holder = new CoreHolder();
        UdpEndpoint udp = null;
        TcpEndpoint tcp = null;
        for (int attempt = 0; tcp == null; attempt++) {
            udp = UdpEndpoint.open(new InetSocketAddress(bind, settings.port()), settings.udpThreads(), 4 << 20,
                    holder, "proxy");
            try {
                tcp = TcpEndpoint.open(new InetSocketAddress(bind, udp.localAddress().getPort()), settings.streamLimits(),
                        holder, "proxy");
            } catch (UncheckedIOException e) {
                udp.close();
                if (settings.port() != 0 || attempt == BIND_ATTEMPTS) {
                    throw e;
                }
            }
        }
        int port = udp.localAddress().getPort();
        TcpEndpoint tlsEndpoint = null;
        if (tls != null || client != null) {
            try {
                tlsEndpoint = TcpEndpoint.openTls(new InetSocketAddress(bind, tlsPort), settings.streamLimits(), tls,
                        client, holder, "proxy");
            } catch (UncheckedIOException e) {
                udp.close();
                tcp.close();
                throw e;
            }
        }
        int tlsBound = tlsEndpoint == null || tlsEndpoint.localAddress() == null ? 0
                : tlsEndpoint.localAddress().getPort();
        LocalEndpoint local = new LocalEndpoint(settings.host(), port, port, tlsBound);
        ProxyCore core = new ProxyCore(settings, local, resolver, transports, wheel);
        transports.attach(udp, tcp, tlsEndpoint);
        core.watch(udp.watch());
        core.watch(tcp.watch());
        if (tlsEndpoint != null) {
            core.watch(tlsEndpoint.watch());
        }
        holder.core = core;
        wheel.start("proxy-timers");
        LOG.info("SIP proxy listening on {}:{} (UDP, TCP){}", settings.host(), port,
                tlsBound == 0 ? "" : " and " + tlsBound + " (TLS)");
        return new Proxy(wheel, udp, tcp, tlsEndpoint, core, transports);
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("proxy host must be an address: " + host, e);
        }
    }

    public int port() {
        return udp.localAddress().getPort();
    }

    public ProxyCounters counters() {
        return core.counters();
    }

    public ProxyCore core() {
        return core;
    }

    public int openTcpConnections() {
        return tcp.openConnections();
    }

    /** The TLS listener's port; 0 without TLS. */
    public int tlsPort() {
        return tls == null || tls.localAddress() == null ? 0 : tls.localAddress().getPort();
    }

    /** Open TLS connections (handshaking or not); 0 without TLS. */
    public int openTlsConnections() {
        return tls == null ? 0 : tls.openConnections();
    }

    public long unsendable() {
        return transports.unsendable();
    }

    @Override
    public void close() {
        udp.close();
        tcp.close();
        if (tls != null) {
            tls.close();
        }
        wheel.close();
    }

    /** Messages that arrive before the core is built (between bind and start) are dropped. */
    private static final class CoreHolder implements MessageHandler {
        private volatile ProxyCore core;

        @Override
        public void onMessage(byte[] buffer, int offset, int length, Flow flow) {
            ProxyCore c = core;
            if (c != null) {
                c.onMessage(buffer, offset, length, flow);
            }
        }
    }
}
