package com.crosspoint.proxy.core;

import com.crosspoint.proxy.transport.Transport;
import com.crosspoint.proxy.wire.Ascii;
import com.crosspoint.proxy.wire.SipUri;
import com.crosspoint.proxy.wire.ViaValue;
import java.util.Locale;

/**
 * This proxy as other elements see it: the host and ports it puts into Via and Record-Route, and
 * the test whether a URI or a Via names it (RFC 3261 §16.4: "indicates this proxy").
 */
public final class LocalEndpoint {
    private final String host;
    private final String hostLower;
    private final int udpPort;
    private final int tcpPort;
    private final String udpSentBy;
    private final String tcpSentBy;
    private final byte[] udpRecordRoute;
    private final byte[] tcpRecordRoute;

    /** @param host an IPv4 address or name; an IPv6 address is written in brackets as URIs need it */
    public LocalEndpoint(String host, int udpPort, int tcpPort) {
        this.host = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        this.hostLower = this.host.toLowerCase(Locale.ROOT);
        this.udpPort = udpPort;
        this.tcpPort = tcpPort;
        this.udpSentBy = this.host + ":" + udpPort;
        this.tcpSentBy = this.host + ":" + tcpPort;
        this.udpRecordRoute = Ascii.bytes("Record-Route: <sip:" + udpSentBy + ";lr>\r\n");
        this.tcpRecordRoute = Ascii.bytes("Record-Route: <sip:" + tcpSentBy + ";transport=tcp;lr>\r\n");
    }

    public String host() {
        return host;
    }

    public int port(Transport transport) {
        return transport == Transport.UDP ? udpPort : tcpPort;
    }

    public String sentBy(Transport transport) {
        return transport == Transport.UDP ? udpSentBy : tcpSentBy;
    }

    /** The Record-Route line for the side of a call on this transport. */
    public byte[] recordRoute(Transport transport) {
        return transport == Transport.UDP ? udpRecordRoute : tcpRecordRoute;
    }

    /** Whether a sip URI's host and port are ours. */
    public boolean namesUs(SipUri uri, byte[] b) {
        if (!Ascii.equalsIgnoreCase(b, uri.hostStart(), uri.hostEnd(), hostLower)) {
            return false;
        }
        int port = uri.portOrDefault();
        return port == udpPort || port == tcpPort;
    }

    /** Whether a Via's sent-by is ours. */
    public boolean sentByUs(ViaValue via, byte[] b) {
        int port = via.port() > 0 ? via.port() : 5060;
        return (port == udpPort || port == tcpPort)
                && Ascii.equalsIgnoreCase(b, via.hostStart(), via.hostEnd(), hostLower);
    }
}
