package com.crosspoint.sip.b2bua;

import javax.sip.ServerTransaction;
import javax.sip.header.ContentTypeHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request a phone sent inside its dialog (re-INVITE, BYE, REFER, INFO ...), as the call handles it. It is
 * answered once, through the leg it came from, so that an answer's session description leaves through that
 * leg's one exit. Touched only on the call's lane.
 */
final class InDialogRequest {
    private static final Logger LOG = LoggerFactory.getLogger(InDialogRequest.class);

    /** Sends the answers of the requests a leg received: the leg itself. */
    interface Responder {
        void respond(InDialogRequest request, int status, String reason, byte[] sdp);
    }

    private final String method;
    private final byte[] body;
    private final String contentType;
    private final String referTarget;
    private final ServerTransaction transaction;
    private final Responder responder;
    private int answeredWith;

    /**
     * @param contentType the body's {@code type/subtype}, null without a body
     * @param referTarget the user part of a REFER's Refer-To, else null
     * @param transaction the SIP transaction; null only for requests made up by tests
     */
    InDialogRequest(String method, byte[] body, String contentType, String referTarget, ServerTransaction transaction,
                    Responder responder) {
        this.method = method;
        this.body = body == null || body.length == 0 ? null : body;
        this.contentType = contentType;
        this.referTarget = referTarget;
        this.transaction = transaction;
        this.responder = responder;
    }

    String method() {
        return method;
    }

    /** The body, null when there is none. */
    byte[] body() {
        return body;
    }

    String contentType() {
        return contentType;
    }

    String referTarget() {
        return referTarget;
    }

    ServerTransaction transaction() {
        return transaction;
    }

    /** The request's own Content-Type header, to relay the body as it came; null for made-up requests. */
    ContentTypeHeader contentTypeHeader() {
        return transaction == null ? null
                : (ContentTypeHeader) transaction.getRequest().getHeader(ContentTypeHeader.NAME);
    }

    void reply(int status) {
        reply(status, null, null);
    }

    /** A 2xx to a re-INVITE carries our answer {@code sdp}. */
    void replyWithSdp(int status, byte[] sdp) {
        reply(status, null, sdp);
    }

    void reply(int status, String reason) {
        reply(status, reason, null);
    }

    private void reply(int status, String reason, byte[] sdp) {
        if (answeredWith != 0) {
            LOG.debug("{} already answered {}; not answering {} too", method, answeredWith, status);
            return;
        }
        answeredWith = status;
        responder.respond(this, status, reason, sdp);
    }

    /** The final status it was answered with, 0 while unanswered. */
    int answeredWith() {
        return answeredWith;
    }

    @Override
    public String toString() {
        return method + (answeredWith == 0 ? "" : " answered " + answeredWith);
    }
}
