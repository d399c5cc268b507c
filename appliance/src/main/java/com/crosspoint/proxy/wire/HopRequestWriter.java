package com.crosspoint.proxy.wire;

/**
 * Requests a proxy sends on its own towards the next hop, built from the INVITE it forwarded there:
 * the CANCEL of a pending branch (RFC 3261 §9.1), the ACK of a non-2xx final response, which is
 * hop-by-hop (§17.1.1.3). Both copy the Request-URI, the one Via (same branch), Route, From, To,
 * Call-ID and the CSeq number of that INVITE; the ACK's To is the response's (it has the tag). And the request
 * again with credentials after the hop's challenge.
 */
public final class HopRequestWriter {

    /** @param invite the INVITE as forwarded to the branch (scanned from the bytes the proxy sent) */
    public void cancel(SipMessage invite, ByteSink out) {
        write(invite, "CANCEL", null, out);
    }

    public void ack(SipMessage invite, SipMessage response, ByteSink out) {
        write(invite, "ACK", response, out);
    }

    /**
     * The request as sent to a hop, sent again after its digest challenge (RFC 3261 §22.2): a new branch in our Via
     * ({@code loopHash} and {@code fork}), {@code credentials} (a complete header line) added, all else unchanged.
     *
     * @param sent the request as sent (scanned from the bytes the proxy sent; our Via on top, alone on its line)
     */
    public void retry(SipMessage sent, long loopHash, int fork, String credentials, ByteSink out) {
        byte[] b = sent.buffer();
        out.reset().append(b, sent.start(), sent.startLineEnd());
        int top = sent.topViaHeader();
        for (int h = 0; h < sent.headerCount(); h++) {
            if (h == top) {
                out.append(b, sent.lineStart(h), sent.topVia().branchStart());
                Branches.write(out, loopHash, fork);
                out.append(b, sent.topVia().branchEnd(), sent.lineEnd(h));
            } else {
                out.append(b, sent.lineStart(h), sent.lineEnd(h));
            }
        }
        out.append(credentials).crlf().append(b, sent.bodyStart(), sent.bodyStart() + sent.bodyLength());
    }

    private static void write(SipMessage invite, String method, SipMessage response, ByteSink out) {
        byte[] b = invite.buffer();
        out.reset().append(method).append((byte) ' ').append(b, invite.uriStart(), invite.uriEnd()).append(" SIP/2.0\r\n");
        int via = invite.topViaHeader();
        out.append(b, invite.lineStart(via), invite.valueStart(via))
                .append(b, invite.topVia().valueStart(), invite.topVia().valueEnd()).crlf();
        for (int h = 0; h < invite.headerCount(); h++) {
            switch (invite.name(h)) {
                case ROUTE, FROM, CALL_ID -> out.append(b, invite.lineStart(h), invite.lineEnd(h));
                case TO -> {
                    if (response == null) {
                        out.append(b, invite.lineStart(h), invite.lineEnd(h));
                    } else {
                        int to = response.first(HeaderName.TO);
                        out.append(response.buffer(), response.lineStart(to), response.lineEnd(to));
                    }
                }
                default -> {
                    // §9.1: only these are copied
                }
            }
        }
        out.append("CSeq: ").appendInt(invite.cseq()).append((byte) ' ').append(method).crlf()
                .append("Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
    }
}
