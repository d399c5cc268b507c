package com.crosspoint.sip.b2bua;

import com.crosspoint.sip.SipMessages;
import java.text.ParseException;
import javax.sip.ServerTransaction;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** The caller's leg: the INVITE we received, answered by whichever outbound leg wins. */
final class InboundLeg extends Leg {
    private final ServerTransaction invite;
    private final String localTag;
    private boolean finalSent;

    InboundLeg(SipMessages messages, B2buaCall call, String extension, ServerTransaction invite) {
        super(messages, call, extension, SipMessages.transportOf(invite.getRequest()));
        this.invite = invite;
        this.localTag = messages.newTag();
        this.remoteSdp = invite.getRequest().getRawContent();
    }

    Request request() {
        return invite.getRequest();
    }

    ServerTransaction transaction() {
        return invite;
    }

    boolean finalSent() {
        return finalSent;
    }

    /** 180 Ringing, or 183 Session Progress carrying early media. */
    void provisional(int status, byte[] sdp) {
        if (finalSent) {
            return;
        }
        Response r = messages.dialogResponse(invite.getRequest(), status, localTag, transport);
        withSdp(r, sdp);
        if (messages.send(invite, r)) {
            attach(invite.getDialog());
        }
    }

    void answer(byte[] sdp) {
        if (finalSent) {
            return;
        }
        finalSent = true;
        Response r = messages.dialogResponse(invite.getRequest(), Response.OK, localTag, transport);
        withSdp(r, sdp);
        if (messages.send(invite, r)) {
            attach(invite.getDialog());
        }
    }

    void reject(int status, String reason) {
        if (finalSent) {
            return;
        }
        finalSent = true;
        ended = true;
        messages.send(invite, messages.response(invite.getRequest(), status, reason));
    }

    private void withSdp(Response r, byte[] sdp) {
        if (sdp == null || sdp.length == 0) {
            return;
        }
        try {
            r.setContent(origin.apply(sdp), sdpType(messages));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    static ContentTypeHeader sdpType(SipMessages messages) throws ParseException {
        return messages.headers().createContentTypeHeader("application", "sdp");
    }
}
