package com.crosspoint.proxy.transport;

import java.net.InetSocketAddress;

/** Where to send a message: a transport and an address (an already resolved next hop). */
public record Destination(Transport transport, InetSocketAddress address) {
}
