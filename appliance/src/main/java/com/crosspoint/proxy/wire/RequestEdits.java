package com.crosspoint.proxy.wire;

/**
 * What the proxy changes in a request it forwards (RFC 3261 §16.6): its own Via on top, the
 * Max-Forwards decrement, Routes it pops, Record-Routes it adds, the received/rport it learnt
 * about the sender (§18.2.1, RFC 3581), and a new Request-URI. Reused per thread: {@link #reset} first.
 */
public final class RequestEdits {
    String viaTransport;
    String sentBy;
    long loopHash;
    int fork;
    byte[][] recordRoutes = new byte[2][];
    int recordRouteCount;
    int popFirstRoutes;
    boolean popLastRoute;
    byte[] uriBuf;
    int uriStart;
    int uriEnd;
    String received;
    int rport;

    public RequestEdits reset() {
        recordRouteCount = 0;
        popFirstRoutes = 0;
        popLastRoute = false;
        uriBuf = null;
        received = null;
        rport = -1;
        return this;
    }

    /** Our Via: {@code SIP/2.0/<transport> <sentBy>;branch=<branch of loopHash and fork>}. */
    public RequestEdits via(String transport, String sentByHostPort, long hash, int forkIndex) {
        viaTransport = transport;
        sentBy = sentByHostPort;
        loopHash = hash;
        fork = forkIndex;
        return this;
    }

    /** A complete {@code Record-Route: <...>\r\n} line; the first one added ends up on top. */
    public RequestEdits recordRoute(byte[] line) {
        recordRoutes[recordRouteCount++] = line;
        return this;
    }

    /** Removes the first {@code n} Route values (the ones naming this proxy, §16.4). */
    public RequestEdits popFirstRoutes(int n) {
        popFirstRoutes = n;
        return this;
    }

    /** Removes the last Route value (it became the Request-URI: a strict router came before us, §16.4). */
    public RequestEdits popLastRoute() {
        popLastRoute = true;
        return this;
    }

    public RequestEdits requestUri(byte[] b, int start, int end) {
        uriBuf = b;
        uriStart = start;
        uriEnd = end;
        return this;
    }

    /** The source of the request as the top Via's received and rport parameters should name it. */
    public RequestEdits source(String receivedAddress, int rportValue) {
        received = receivedAddress;
        rport = rportValue;
        return this;
    }
}
