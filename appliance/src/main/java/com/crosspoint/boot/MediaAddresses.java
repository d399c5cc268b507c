package com.crosspoint.boot;

import com.crosspoint.config.NetworkConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the appliance's media sockets (its own sessions and the RTP relay) bind, and the address its SDP names.
 *
 * @param bind       {@code network.bind}
 * @param advertised the address phones reach us at ({@code network.advertisedAddress}), else {@code bind}
 */
record MediaAddresses(InetAddress bind, InetAddress advertised) {
    private static final Logger LOG = LoggerFactory.getLogger(MediaAddresses.class);

    static MediaAddresses of(NetworkConfig network) {
        InetAddress bind;
        try {
            bind = InetAddress.getByName(network.bind()); // a validated IP literal: no look-up
        } catch (UnknownHostException e) {
            throw new IllegalStateException("network.bind is not an IP literal: " + network.bind(), e);
        }
        try {
            InetAddress a = InetAddress.getByName(network.advertisedAddress());
            return new MediaAddresses(bind, a.isAnyLocalAddress() ? bind : a);
        } catch (UnknownHostException e) {
            LOG.warn("network.advertisedAddress {} does not resolve; SDP names the media bind address",
                    network.advertisedAddress());
            return new MediaAddresses(bind, bind);
        }
    }

    /** A daemon thread named {@code name}: the executors of the composition root. */
    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
