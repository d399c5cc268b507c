package com.crosspoint.proxy.core;

import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.transport.Transport;
import com.crosspoint.proxy.wire.Ascii;
import com.crosspoint.proxy.wire.SipUri;
import com.crosspoint.proxy.wire.ViaValue;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Turns a URI (Route, Request-URI) or a Via (response path) into a {@link Destination}. Only IP
 * literals: a DNS look-up (RFC 3263) would block the I/O thread, so names are not resolved here;
 * resolvers hand the core addresses. A broadcast or multicast Via is refused (RFC 4475 §3.3.10).
 */
final class NextHops {
    private NextHops() {
    }

    /** @return null when the host is not an IP literal */
    static Destination fromUri(SipUri uri, byte[] b) {
        Transport transport = uri.secure() || uri.transportIs("tls") ? Transport.TLS
                : uri.transportIs("tcp") ? Transport.TCP : Transport.UDP;
        InetAddress address = literal(b, uri.hostStart(), uri.hostEnd());
        return address == null ? null : new Destination(transport, new InetSocketAddress(address, uri.portOrDefault()));
    }

    /** Where a response goes by this Via (RFC 3261 §18.2.2, RFC 3581 §4): received and rport when present. */
    static Destination fromVia(ViaValue via, byte[] b) {
        Transport transport = via.transportIs("tcp") ? Transport.TCP : via.transportIs("tls") ? Transport.TLS
                : via.transportIs("udp") ? Transport.UDP : null;
        InetAddress address = via.hasReceived() ? literal(b, via.receivedStart(), via.receivedEnd())
                : literal(b, via.hostStart(), via.hostEnd());
        if (transport == null || address == null || address.isMulticastAddress() || isBroadcast(address)) {
            return null;
        }
        int port = via.rport() > 0 ? via.rport() : via.port() > 0 ? via.port() : 5060;
        return new Destination(transport, new InetSocketAddress(address, port));
    }

    private static boolean isBroadcast(InetAddress a) {
        byte[] raw = a.getAddress();
        return raw.length == 4 && (raw[0] & raw[1] & raw[2] & raw[3]) == (byte) 0xff;
    }

    /** An IPv4 dotted quad or a bracketed/bare IPv6 literal; null for a name (never looked up). */
    static InetAddress literal(byte[] b, int start, int end) {
        if (start < 0 || end <= start) {
            return null;
        }
        boolean v6 = b[start] == '[' || Ascii.indexOf(b, start, end, (byte) ':') >= 0;
        try {
            if (!v6) {
                byte[] quad = dottedQuad(b, start, end);
                return quad == null ? null : InetAddress.getByAddress(quad);
            }
            int s = b[start] == '[' ? start + 1 : start;
            int e = b[end - 1] == ']' ? end - 1 : end;
            return InetAddress.getByName(Ascii.string(b, s, e)); // contains ':', so parsed as IPv6, no look-up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] dottedQuad(byte[] b, int start, int end) {
        byte[] quad = new byte[4];
        int part = 0;
        int i = start;
        while (part < 4) {
            int s = i;
            while (i < end && b[i] != '.') {
                i++;
            }
            long v = Ascii.parseUnsigned(b, s, i, 255);
            if (v < 0 || i - s > 3) {
                return null;
            }
            quad[part++] = (byte) v;
            if (i == end) {
                break;
            }
            i++;
        }
        return part == 4 && i == end ? quad : null;
    }
}
