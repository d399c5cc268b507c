package com.crosspoint.proxy.core;

import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.wire.Ascii;
import com.crosspoint.proxy.wire.HeaderName;
import com.crosspoint.proxy.wire.ListValues;
import com.crosspoint.proxy.wire.NameAddr;
import com.crosspoint.proxy.wire.RequestEdits;
import com.crosspoint.proxy.wire.SipMessage;
import com.crosspoint.proxy.wire.SipUri;

/**
 * Route information preprocessing and the next hop it implies (RFC 3261 §16.4, §16.5, §16.6 step 6-7):
 * <ul>
 *   <li>a Request-URI this proxy put into a Record-Route (ours, with {@code lr}) means a strict router
 *       came before us: the last Route value becomes the Request-URI and is removed;</li>
 *   <li>Route values naming this proxy are popped (two after a double Record-Route);</li>
 *   <li>a remaining Route gives the next hop (loose routing: the Request-URI is kept);</li>
 *   <li>otherwise a request inside a dialog (To tag) goes to its Request-URI, and an initial one is
 *       for the {@link TargetResolver}.</li>
 * </ul>
 * Reused per thread.
 */
final class RouteStep {
    /** What {@link #apply} found. */
    enum Result { TO_DESTINATION, TO_RESOLVER, UNROUTABLE }

    private final LocalEndpoint local;
    private final SipUri uri = new SipUri();
    private final int[] value = new int[2];
    private final int[] addr = new int[2];
    private Destination destination;

    RouteStep(LocalEndpoint local) {
        this.local = local;
    }

    /** Fills the Route and Request-URI edits of {@code edits} and finds the next hop. */
    Result apply(SipMessage m, RequestEdits edits) {
        byte[] b = m.buffer();
        destination = null;
        int routes = m.has(HeaderName.ROUTE) ? ListValues.count(m, HeaderName.ROUTE) : 0;
        int uriStart = m.uriStart();
        int uriEnd = m.uriEnd();
        if (routes > 0 && uri.parse(b, uriStart, uriEnd) && uri.looseRoute() && local.namesUs(uri, b)) {
            uriOf(m, routes - 1);
            edits.requestUri(b, addr[0], addr[1]).popLastRoute();
            uriStart = addr[0];
            uriEnd = addr[1];
            routes--;
        }
        int popped = 0;
        while (popped < routes) {
            uriOf(m, popped);
            if (!uri.parse(b, addr[0], addr[1]) || !local.namesUs(uri, b)) {
                break;
            }
            popped++;
        }
        edits.popFirstRoutes(popped);
        if (popped < routes) {
            uriOf(m, popped);
            return to(uri.parse(b, addr[0], addr[1]) ? NextHops.fromUri(uri, b) : null);
        }
        if (!m.hasToTag()) {
            return Result.TO_RESOLVER;
        }
        if (!uri.parse(b, uriStart, uriEnd) || local.namesUs(uri, b)) {
            return Result.UNROUTABLE; // a request inside a dialog addressed to the proxy itself
        }
        return to(NextHops.fromUri(uri, b));
    }

    private Result to(Destination d) {
        destination = d;
        return d == null ? Result.UNROUTABLE : Result.TO_DESTINATION;
    }

    private void uriOf(SipMessage m, int index) {
        ListValues.value(m, HeaderName.ROUTE, index, value);
        NameAddr.uri(m.buffer(), value[0], value[1], addr);
    }

    /** The next hop after {@link Result#TO_DESTINATION}. */
    Destination destination() {
        return destination;
    }

    /** Whether the Request-URI's scheme is one a proxy routes (§16.3 step 2): sip, sips or tel. */
    static boolean supportedScheme(SipMessage m) {
        byte[] b = m.buffer();
        int s = m.uriStart();
        return Ascii.startsWithIgnoreCase(b, s, m.uriEnd(), "sip:") || Ascii.startsWithIgnoreCase(b, s, m.uriEnd(), "sips:")
                || Ascii.startsWithIgnoreCase(b, s, m.uriEnd(), "tel:");
    }
}
