package com.crosspoint.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Free loopback ports for one SIPp process: its SIP port, its media port (SIPp also binds the one two above) and its
 * control port (SIPp's default, 8888, would collide between the three). Found by binding and releasing; another
 * process could take one in between, which SIPp then reports at start (in the carrier's log).
 */
final class LoopbackPorts {
    static final String HOST = "127.0.0.1";

    record Ports(int sip, int media, int control) {
    }

    private LoopbackPorts() {
    }

    static Ports forSipp() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int sip = freeUdp(1);
            int media = freeUdp(4);
            int control = freeUdp(1);
            boolean apart = sip != control && (sip < media || sip >= media + 4) && (control < media || control >= media + 4);
            if (apart) {
                return new Ports(sip, media, control);
            }
        }
        throw new IllegalStateException("no free UDP ports on " + HOST);
    }

    /** The first of {@code count} consecutive free UDP ports. */
    private static int freeUdp(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = bindAny();
            if (allFree(first, count)) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free UDP ports on " + HOST);
    }

    private static int bindAny() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(HOST), 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a UDP port on " + HOST, e);
        }
    }

    private static boolean allFree(int first, int count) {
        if (first + count > 65_535) {
            return false;
        }
        for (int p = first; p < first + count; p++) {
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(HOST), p))) {
                s.getLocalPort();
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
