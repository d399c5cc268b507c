package com.crosspoint.proxy.core;

import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.transport.Flow;
import com.crosspoint.proxy.transport.Sender;
import com.crosspoint.proxy.wire.Branches;
import com.crosspoint.proxy.wire.RequestEdits;
import com.crosspoint.proxy.wire.ScanOutcome;
import com.crosspoint.proxy.wire.SipMessage;

/**
 * What the proxy forwards without a transaction: ACKs of 2xx answers (their own transaction end to end, §16.11) by
 * their Route, and 2xx answers whose client transaction has ended, up the next Via.
 */
final class StatelessForwarding {
    private final ProxyCore core;
    private final Sender sender;
    private final ProxyCounters counters;

    StatelessForwarding(ProxyCore core, Sender sender, ProxyCounters counters) {
        this.core = core;
        this.sender = sender;
        this.counters = counters;
    }

    /**
     * A 2xx to an INVITE whose client transaction has ended (the callee retransmits it until the ACK
     * comes, RFC 3261 §13.3.1.4) goes up the next Via statelessly (§16.7 as RFC 6026 §7.2 revises it).
     * Other answers without a transaction are dropped: forwarding a late provisional after the final
     * answer would confuse the caller.
     */
    void response(SipMessage m, Scratch s) {
        byte[] b = m.buffer();
        int start = m.topVia().next();
        int end = m.valueEnd(m.topViaHeader());
        if (start < 0) {
            int next = m.nextSame(m.topViaHeader());
            if (next < 0) {
                counters.dropped.incrementAndGet();
                return;
            }
            start = m.valueStart(next);
            end = m.valueEnd(next);
        }
        Destination d = s.via.parse(b, start, end) == ScanOutcome.ACCEPTED ? NextHops.fromVia(s.via, b) : null;
        if (d == null || !core.canSend(d)) {
            counters.dropped.incrementAndGet(); // no usable address, or a broadcast one (RFC 4475 §3.3.10)
            return;
        }
        s.responses.withoutTopVia(m, s.sink);
        sender.send(d, s.sink.array(), 0, s.sink.length());
        counters.statelessForwards.incrementAndGet();
    }

    /** §16.11: forward without a transaction, by Route or Request-URI (ACKs of 2xx). */
    void request(SipMessage m, Flow flow, Scratch s) {
        RequestEdits edits = s.edits.reset();
        if (m.maxForwards() == 0 || s.route.apply(m, edits) != RouteStep.Result.TO_DESTINATION
                || !core.canSend(s.route.destination())) {
            counters.dropped.incrementAndGet();
            return;
        }
        Destination d = s.route.destination();
        edits.via(d.transport().name(), core.local().sentBy(d.transport()), Branches.loopHash(m), 0);
        ProxyCore.sourceEdit(m, flow, edits);
        s.requests.forward(m, edits, s.sink);
        sender.send(d, s.sink.array(), 0, s.sink.length());
        counters.statelessForwards.incrementAndGet();
    }
}
