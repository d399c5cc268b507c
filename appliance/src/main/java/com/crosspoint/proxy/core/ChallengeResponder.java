package com.crosspoint.proxy.core;

import com.crosspoint.proxy.wire.SipMessage;

/**
 * Answers a next hop's digest challenge for the proxy (the call router's credentials at a carrier): given the hop's
 * 401 or 407 and the request as sent there, the header line to send the request again with. The core resends once,
 * as a new client transaction (new branch, same CSeq: the caller's dialog owns the CSeq numbers and the core keeps no
 * dialog state to shift them, docs/adr/0013). Called on I/O threads under the request's lock: answer from memory.
 */
@FunctionalInterface
public interface ChallengeResponder {
    /** Never answers: the hop's challenge counts as its failure and the next target is tried. */
    ChallengeResponder NONE = (challenge, sent) -> null;

    /**
     * @param challenge the hop's 401 or 407 (valid only during the call)
     * @param sent      the request as it was sent to the hop (valid only during the call)
     * @return the complete header line with its CRLF ({@code Proxy-Authorization: Digest ...\r\n}), or null when it
     *         cannot be answered
     */
    String answer(SipMessage challenge, SipMessage sent);
}
