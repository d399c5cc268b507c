package com.crosspoint.proxy.core;

import com.crosspoint.proxy.wire.Ascii;
import com.crosspoint.proxy.wire.Branches;
import com.crosspoint.proxy.wire.HeaderName;
import com.crosspoint.proxy.wire.ScanOutcome;
import com.crosspoint.proxy.wire.SipMessage;
import com.crosspoint.proxy.wire.ViaValue;

/**
 * Request validation of RFC 3261 §16.3 after the scanner's syntax checks: URI scheme (416),
 * Max-Forwards (483), loop detection (482), Proxy-Require (420). Each check returns the status to
 * answer with, or 0 to go on. Reused per thread.
 */
final class RequestChecks {
    private final LocalEndpoint local;
    private final ViaValue via = new ViaValue();

    RequestChecks(LocalEndpoint local) {
        this.local = local;
    }

    /** @return 0, or the status of the first check the request fails */
    int check(SipMessage m) {
        if (!RouteStep.supportedScheme(m)) {
            return 416;
        }
        if (m.maxForwards() == 0) {
            return 483; // §16.3 step 3 (RFC 4475 §3.3.11)
        }
        if (looped(m)) {
            return 482;
        }
        if (m.has(HeaderName.PROXY_REQUIRE)) {
            return 420; // no extension is supported (RFC 4475 §3.3.5)
        }
        return 0;
    }

    /**
     * §16.3 step 4: for each Via of ours, the Via below it is the top Via the request had when this
     * proxy forwarded it; if the request hashes now as it did then (the hash is in our branch), it came
     * back unchanged: a loop. A changed hash (a new Request-URI) is a spiral and goes on.
     */
    private boolean looped(SipMessage m) {
        byte[] b = m.buffer();
        boolean belowOurs = false;
        long ourHash = 0;
        for (int h = m.first(HeaderName.VIA); h >= 0; h = m.nextSame(h)) {
            int i = m.valueStart(h);
            while (i >= 0 && i < m.valueEnd(h)) {
                if (via.parse(b, i, m.valueEnd(h)) != ScanOutcome.ACCEPTED) {
                    return false;
                }
                if (belowOurs && Branches.loopHash(m, via) == ourHash) {
                    return true;
                }
                belowOurs = Branches.ours(b, via.branchStart(), via.branchEnd()) && local.sentByUs(via, b);
                if (belowOurs) {
                    ourHash = Branches.hashOf(b, via.branchStart());
                }
                i = via.next();
            }
        }
        return false;
    }

    /** The Unsupported header listing the Proxy-Require option tags, for the 420. */
    static String unsupported(SipMessage m) {
        StringBuilder sb = new StringBuilder();
        for (int h = m.first(HeaderName.PROXY_REQUIRE); h >= 0; h = m.nextSame(h)) {
            sb.append(sb.length() == 0 ? "Unsupported: " : ", ")
                    .append(Ascii.string(m.buffer(), m.valueStart(h), m.valueEnd(h)));
        }
        return sb.append("\r\n").toString();
    }

    static String reason(int status) {
        return switch (status) {
            case 416 -> "Unsupported URI Scheme";
            case 483 -> "Too Many Hops";
            case 482 -> "Loop Detected";
            case 420 -> "Bad Extension";
            default -> "Error";
        };
    }
}
