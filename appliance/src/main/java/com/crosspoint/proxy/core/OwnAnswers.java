package com.crosspoint.proxy.core;

import com.crosspoint.proxy.transport.Flow;
import com.crosspoint.proxy.transport.Sender;
import com.crosspoint.proxy.wire.HeaderName;
import com.crosspoint.proxy.wire.Method;
import com.crosspoint.proxy.wire.ScanOutcome;
import com.crosspoint.proxy.wire.SipMessage;

/**
 * The answers the proxy makes itself instead of forwarding: refusals of bad input (the scanner's rules, §16.3's
 * checks), of strangers, of the routing step, and of overload (503 + Retry-After), each counted. Every one is sent
 * statelessly back on the request's flow, with a To tag derived from the Call-ID so a retransmission gets the same.
 */
final class OwnAnswers {
    private final Sender sender;
    private final ProxyCounters counters;
    private final String retryAfter;

    OwnAnswers(Sender sender, ProxyCounters counters, int retryAfterSeconds) {
        this.sender = sender;
        this.counters = counters;
        this.retryAfter = "Retry-After: " + retryAfterSeconds + "\r\n";
    }

    /** A refused request is answered with the rule's status when it can be; a refused response is dropped (§18.1.2). */
    void malformed(SipMessage m, ScanOutcome outcome, Flow flow, Scratch s) {
        counters.countRefusal(outcome);
        if (m.answerable() && m.method() != Method.ACK) {
            answer(m, flow, outcome.status(), outcome.reason(), null, s);
        } else {
            counters.dropped.incrementAndGet();
        }
    }

    /** §16.3's checks failed with {@code status}. */
    void failedCheck(SipMessage m, Flow flow, int status, Scratch s) {
        answer(m, flow, status, RequestChecks.reason(status), status == 420 ? RequestChecks.unsupported(m) : null, s);
    }

    /** A request from an untrusted source that would have this proxy relay for it: no relaying for strangers. */
    void stranger(SipMessage m, Flow flow, Scratch s) {
        if (m.method() != Method.ACK) { // an ACK is never answered, nor counted: it is the ACK of our 403
            counters.refusedByResolver.incrementAndGet();
            answer(m, flow, 403, "Forbidden", null, s);
        }
    }

    /** Refused by admission ({@link Admission}), or a retransmission of a request that was. */
    void overloaded(SipMessage m, Flow flow, Scratch s) {
        counters.overloaded.incrementAndGet();
        answer(m, flow, 503, "Service Unavailable", retryAfter, s);
    }

    void refusedByRouting(SipMessage m, Flow flow, RoutingDecision.Refuse refuse, Scratch s) {
        counters.refusedByResolver.incrementAndGet();
        answer(m, flow, refuse.status(), refuse.reason(), refuse.extraHeaders(), s);
    }

    void answer(SipMessage m, Flow flow, int status, String reason, String extra, Scratch s) {
        s.responses.answer(m, status, reason, localTag(callIdHash(m)), extra, s.sink);
        sender.reply(flow, s.sink.array(), 0, s.sink.length());
    }

    static String localTag(long hash) {
        return "cx" + Long.toHexString(hash);
    }

    private static long callIdHash(SipMessage m) {
        int h = m.first(HeaderName.CALL_ID);
        long hash = 1125899906842597L;
        for (int i = m.valueStart(h); i < m.valueEnd(h); i++) {
            hash = 31 * hash + m.buffer()[i];
        }
        return hash;
    }
}
