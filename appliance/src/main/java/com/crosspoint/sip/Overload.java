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
        Response r = messages.response(rq, Response.SERVICE_UNAVAILABLE, "Overloaded");
        try {
            r.setHeader(messages.headers().createRetryAfterHeader(RETRY_AFTER_SECONDS));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        return r;
    }
}
