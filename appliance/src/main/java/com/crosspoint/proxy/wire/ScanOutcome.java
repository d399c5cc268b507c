package com.crosspoint.proxy.wire;

/**
 * What the scanner made of a message: {@link #ACCEPTED}, {@link #KEEPALIVE}, or a refusal with the
 * status a request gets for it (responses that are refused are dropped, RFC 3261 §18.1.2). One
 * value per rule, so counters and logs name the rule.
 */
public enum ScanOutcome {
    ACCEPTED(0, "OK"),
    /** Only CRLFs: an RFC 5626 keep-alive, not a message. */
    KEEPALIVE(0, "Keep-alive"),
    TOO_LARGE(513, "Message Too Large"),
    TOO_MANY_HEADERS(400, "Too Many Header Fields"),
    BAD_START_LINE(400, "Malformed Start Line"),
    VERSION_NOT_SUPPORTED(505, "Version Not Supported"),
    BAD_STATUS_CODE(400, "Bad Status Code"),
    BAD_REQUEST_URI(400, "Malformed Request-URI"),
    BAD_HEADER_LINE(400, "Malformed Header Field"),
    NO_HEADER_END(400, "Incomplete Message"),
    MISSING_VIA(400, "Missing Via"),
    MISSING_FROM(400, "Missing From"),
    MISSING_TO(400, "Missing To"),
    MISSING_CALL_ID(400, "Missing Call-ID"),
    MISSING_CSEQ(400, "Missing CSeq"),
    DUPLICATE_HEADER(400, "Duplicate Single-Valued Header"),
    BAD_CONTENT_LENGTH(400, "Bad Content-Length"),
    BODY_TRUNCATED(400, "Content-Length Larger Than Message"),
    BAD_CSEQ(400, "Bad CSeq"),
    CSEQ_METHOD_MISMATCH(400, "CSeq Method Does Not Match"),
    BAD_MAX_FORWARDS(400, "Bad Max-Forwards"),
    BAD_VIA(400, "Malformed Via"),
    BAD_BRANCH(400, "Missing Transaction Identifier"),
    BAD_NAME_ADDR(400, "Malformed Address");

    private final int status;
    private final String reason;

    ScanOutcome(int status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    /** The status a refused request is answered with; 0 for the two non-refusals. */
    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public boolean refused() {
        return status != 0;
    }
}
