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
    private final int tlsPort;
    private final String udpSentBy;
    private final String tcpSentBy;
    private final String tlsSentBy;
    private final byte[] udpRecordRoute;
    private final byte[] tcpRecordRoute;
    private final byte[] tlsRecordRoute;

    /** Without TLS. */
    public LocalEndpoint(String host, int udpPort, int tcpPort) {
        this(host, udpPort, tcpPort, 0);
    }

    /**
     * @param host    an IPv4 address or name; an IPv6 address is written in brackets as URIs need it
     * @param tlsPort the TLS listener's port; 0 = no TLS listener (over TLS only to carriers, if at all)
     */
    public LocalEndpoint(String host, int udpPort, int tcpPort, int tlsPort) {
        this.host = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        this.hostLower = this.host.toLowerCase(Locale.ROOT);
        this.udpPort = udpPort;
        this.tcpPort = tcpPort;
        this.tlsPort = tlsPort;
        this.udpSentBy = this.host + ":" + udpPort;
        this.tcpSentBy = this.host + ":" + tcpPort;
        // without a TLS listener (TLS only outbound, to carriers) the TLS side names the TCP port: responses come back
        // over the connection anyway, and a peer's own requests need the listener (see configuration.md)
        this.tlsSentBy = this.host + ":" + (tlsPort > 0 ? tlsPort : tcpPort);
        this.udpRecordRoute = Ascii.bytes("Record-Route: <sip:" + udpSentBy + ";lr>\r\n");
        this.tcpRecordRoute = Ascii.bytes("Record-Route: <sip:" + tcpSentBy + ";transport=tcp;lr>\r\n");
        this.tlsRecordRoute = tlsPort > 0 ? Ascii.bytes("Record-Route: <sip:" + tlsSentBy + ";transport=tls;lr>\r\n")
                : tcpRecordRoute;
    }

    public String host() {
        return host;
    }

    public int port(Transport transport) {
        return switch (transport) {
            case UDP -> udpPort;
            case TCP -> tcpPort;
            case TLS -> tlsPort;
        };
    }

    public String sentBy(Transport transport) {
        return switch (transport) {
            case UDP -> udpSentBy;
            case TCP -> tcpSentBy;
            case TLS -> tlsSentBy;
        };
    }

    /** The Record-Route line for the side of a call on this transport. */
    public byte[] recordRoute(Transport transport) {
        return switch (transport) {
            case UDP -> udpRecordRoute;
            case TCP -> tcpRecordRoute;
            case TLS -> tlsRecordRoute;
        };
    }

    /** Whether a sip URI's host and port are ours. */
    public boolean namesUs(SipUri uri, byte[] b) {
        if (!Ascii.equalsIgnoreCase(b, uri.hostStart(), uri.hostEnd(), hostLower)) {
            return false;
        }
        return isOurPort(uri.portOrDefault());
    }

    /** Whether a Via's sent-by is ours. */
    public boolean sentByUs(ViaValue via, byte[] b) {
        int port = via.port() > 0 ? via.port() : 5060;
        return isOurPort(port) && Ascii.equalsIgnoreCase(b, via.hostStart(), via.hostEnd(), hostLower);
    }

    private boolean isOurPort(int port) {
        return port == udpPort || port == tcpPort || (tlsPort > 0 && port == tlsPort);
    }
}
