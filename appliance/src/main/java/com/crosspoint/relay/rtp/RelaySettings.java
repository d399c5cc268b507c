package com.crosspoint.relay.rtp;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How the relay is set up, from {@code config/crosspoint.yaml} and the network section.
 *
 * @param bindAddress       the address the relay's sockets bind ({@code network.bind})
 * @param advertisedAddress the address phones are told to send to ({@code network.advertisedAddress}, resolved)
 * @param threads           forwarding threads, each one NIO selector ({@code media.relayThreads})
 * @param timeout           silence on both sides after which the listener is told ({@code media.relayTimeout})
 * @param relatchPackets    packets in a row before a source of a phone behind NAT takes over
 *                          ({@code media.relatchPackets})
 * @param socketBufferBytes kernel receive/send buffer per socket ({@code media.socketBufferBytes})
 */
public record RelaySettings(InetAddress bindAddress, InetAddress advertisedAddress, int threads, Duration timeout,
                            int relatchPackets, int socketBufferBytes) {

    public RelaySettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(advertisedAddress, "advertisedAddress");
        Objects.requireNonNull(timeout, "timeout");
        if (threads < 1 || timeout.isNegative() || timeout.isZero() || relatchPackets < 1
                || socketBufferBytes < 1024) {
            throw new IllegalArgumentException("invalid relay settings: " + threads + " threads, timeout " + timeout
                    + ", relatch after " + relatchPackets + ", socket buffer " + socketBufferBytes);
        }
        if (advertisedAddress.isAnyLocalAddress()) {
            throw new IllegalArgumentException("the advertised address must not be a wildcard: " + advertisedAddress);
        }
    }
}
