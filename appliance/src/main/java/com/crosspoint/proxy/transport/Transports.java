package com.crosspoint.proxy.transport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link Sender} over this node's UDP, TCP and (when configured) TLS endpoints. Built before the endpoints (the core
 * that handles their messages needs a sender), which are attached once bound.
 */
public final class Transports implements Sender {
    private final AtomicLong unsendable = new AtomicLong();
    private volatile UdpEndpoint udp;
    private volatile TcpEndpoint tcp;
    private volatile TcpEndpoint tls;
    private volatile ConnectFailureListener connectFailures = (to, at) -> { };

    /** @param tlsEndpoint null without TLS (either may be null in tests) */
    public void attach(UdpEndpoint udpEndpoint, TcpEndpoint tcpEndpoint, TcpEndpoint tlsEndpoint) {
        this.udp = udpEndpoint;
        this.tcp = tcpEndpoint;
        this.tls = tlsEndpoint;
        for (TcpEndpoint stream : new TcpEndpoint[] {tcpEndpoint, tlsEndpoint}) {
            if (stream != null) {
                stream.onConnectFailure((to, at) -> connectFailures.connectFailed(to, at));
            }
        }
    }

    @Override
    public void onConnectFailure(ConnectFailureListener listener) {
        this.connectFailures = listener;
    }

    @Override
    public void send(Destination to, byte[] bytes, int offset, int length) {
        switch (to.transport()) {
            case UDP -> udp.send(to.address(), bytes, offset, length);
            case TCP -> stream(tcp, to, bytes, offset, length);
            case TLS -> stream(tls, to, bytes, offset, length);
        }
    }

    private void stream(TcpEndpoint endpoint, Destination to, byte[] bytes, int offset, int length) {
        if (endpoint == null || !endpoint.send(to.address(), bytes, offset, length)) {
            unsendable.incrementAndGet();
        }
    }

    @Override
    public boolean canReach(Destination to) {
        return to.transport() != Transport.TLS || (tls != null && (tls.connects() || tls.hasConnection(to.address())));
    }

    @Override
    public void reply(Flow flow, byte[] bytes, int offset, int length) {
        if (flow.connection() != null && flow.connection().isOpen()) {
            flow.connection().send(bytes, offset, length);
        } else {
            send(new Destination(flow.transport(), flow.remote()), bytes, offset, length);
        }
    }

    /** Messages that could not be handed to a transport (no connection, no TLS listener or connection). */
    public long unsendable() {
        return unsendable.get();
    }
}
