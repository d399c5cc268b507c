package com.crosspoint.proxy.transport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link Sender} over this node's UDP and TCP endpoints. Built before the endpoints (the core
 * that handles their messages needs a sender), which are attached once bound.
 */
public final class Transports implements Sender {
    private final AtomicLong unsendable = new AtomicLong();
    private volatile UdpEndpoint udp;
    private volatile TcpEndpoint tcp;

    public void attach(UdpEndpoint udpEndpoint, TcpEndpoint tcpEndpoint) {
        this.udp = udpEndpoint;
        this.tcp = tcpEndpoint;
    }

    @Override
    public void send(Destination to, byte[] bytes, int offset, int length) {
        switch (to.transport()) {
            case UDP -> udp.send(to.address(), bytes, offset, length);
            case TCP -> {
                if (!tcp.send(to.address(), bytes, offset, length)) {
                    unsendable.incrementAndGet();
                }
            }
            default -> unsendable.incrementAndGet(); // TLS: no endpoint yet
        }
    }

    @Override
    public void reply(Flow flow, byte[] bytes, int offset, int length) {
        if (flow.connection() != null && flow.connection().isOpen()) {
            flow.connection().send(bytes, offset, length);
        } else {
            send(new Destination(flow.transport(), flow.remote()), bytes, offset, length);
        }
    }

    /** Messages that could not be handed to a transport (no connection, no TLS). */
    public long unsendable() {
        return unsendable.get();
    }
}
