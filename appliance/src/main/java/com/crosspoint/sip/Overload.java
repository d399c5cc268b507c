package com.crosspoint.sip;

import javax.sip.InvalidArgumentException;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** The answer when a queue is full: 503 with Retry-After, so phones back off instead of retrying at once. */
public final class Overload {
    private static final int RETRY_AFTER_SECONDS = 5;

    private Overload() {
    }

    public static Response response(SipMessages messages, Request rq) {
        return retryAfter(messages, messages.response(rq, Response.SERVICE_UNAVAILABLE, "Overloaded"));
    }

    /** The same answer when a share of the node is used up (a tenant's calls), counted under {@code why}. */
    public static Response refusal(SipMessages messages, Request rq, EdgeRefusals.Reason why) {
        return retryAfter(messages, messages.refusal(rq, why, Response.SERVICE_UNAVAILABLE, "Overloaded"));
    }

    private static Response retryAfter(SipMessages messages, Response r) {
        try {
            r.setHeader(messages.headers().createRetryAfterHeader(RETRY_AFTER_SECONDS));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        return r;
    }
}
