package com.crosspoint.sip.b2bua;

import com.crosspoint.sip.SipMessages;
import javax.sip.ServerTransaction;
import javax.sip.message.Response;

/** The caller's leg: the INVITE we received, answered by whatever the call connects it to. */
final class InboundLeg extends PhoneLeg implements CallerLeg {
    private final ServerTransaction invite;
    private final String localTag;
    private boolean finalSent;

    InboundLeg(SipMessages messages, B2buaCall call, String extension, ServerTransaction invite) {
        super(messages, call, extension, SipMessages.transportOf(invite.getRequest()));
        this.invite = invite;
        this.localTag = messages.newTag();
        remember(invite.getRequest().getRawContent());
        heardFrom(invite.getRequest());
    }

    @Override
    public boolean finalSent() {
        return finalSent;
    }

    @Override
    public void ringing(int status, byte[] sdp) {
        if (finalSent) {
            return;
        }
        Response r = messages.dialogResponse(invite.getRequest(), status, localTag, transport);
        setBody(r, sdp, sdpType());
        if (messages.send(invite, r)) {
            attach(invite.getDialog());
        }
    }

    @Override
    public void answer(byte[] sdp) {
        if (finalSent) {
            return;
        }
        finalSent = true;
        followFlow(invite.getRequest(), localTag); // the caller is reached where its INVITE came from
        Response r = messages.dialogResponse(invite.getRequest(), Response.OK, localTag, transport);
        setBody(r, sdp, sdpType());
        attach(invite.getDialog()); // before the 2xx leaves: the phone's BYE may follow its ACK at once
        if (messages.send(invite, r)) {
            attach(invite.getDialog());
        }
    }

    @Override
    public void reject(int status, String reason) {
        if (finalSent) {
            return;
        }
        finalSent = true;
        markEnded();
        messages.send(invite, messages.response(invite.getRequest(), status, reason));
    }
}
