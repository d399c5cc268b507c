package com.crosspoint.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Comparator;
import java.util.Optional;

/** Finds the host's primary non-loopback IPv4 address, used when the bind address is a wildcard. */
final class PrimaryIpv4 {

    private static final Logger log = LoggerFactory.getLogger(PrimaryIpv4.class);

    // TEST-NET-1: never routed anywhere real; connecting a UDP socket only selects a route, sends nothing.
    private static final InetSocketAddress PROBE = new InetSocketAddress("192.0.2.1", 9);

    private PrimaryIpv4() {
    }

    static Optional<String> detect() {
        Optional<String> routed = sourceOfDefaultRoute();
        return routed.isPresent() ? routed : firstInterfaceAddress();
    }

    /** The address the kernel would send from to the outside world: the best meaning of "primary". */
    private static Optional<String> sourceOfDefaultRoute() {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(PROBE);
            InetAddress local = socket.getLocalAddress();
            return usable(local) ? Optional.of(local.getHostAddress()) : Optional.empty();
        } catch (IOException e) {
            log.debug("No default route to derive the advertised address from: {}", e.toString());
            return Optional.empty();
        }
    }

    /** Without a default route: the first IPv4 address of an interface that is up, in interface order. */
    private static Optional<String> firstInterfaceAddress() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(PrimaryIpv4::isUpPhysical)
                    .sorted(Comparator.comparingInt(NetworkInterface::getIndex))
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(PrimaryIpv4::usable)
                    .map(InetAddress::getHostAddress)
                    .findFirst();
        } catch (SocketException e) {
            log.debug("Cannot list network interfaces: {}", e.toString());
            return Optional.empty();
        }
    }

    private static boolean isUpPhysical(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback() && !nic.isVirtual();
        } catch (SocketException e) {
            log.debug("Skipping interface {}: {}", nic.getName(), e.toString());
            return false;
        }
    }

    private static boolean usable(InetAddress address) {
        return address instanceof Inet4Address && !address.isLoopbackAddress()
                && !address.isAnyLocalAddress() && !address.isLinkLocalAddress();
    }
}
