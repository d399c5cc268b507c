package com.crosspoint.sip.b2bua;

import com.crosspoint.sip.RequestHandler;
import com.crosspoint.sip.SipMessages;
import gov.nist.javax.sip.ServerTransactionExt;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Response;

/** CANCEL of a ringing call: 200 for the CANCEL at once, then the call cancels its legs (RFC 3261 §9.2). */
final class CancelHandler implements RequestHandler {
    private final SipMessages messages;

    CancelHandler(SipMessages messages) {
        this.messages = messages;
    }

    @Override
    public void handle(RequestEvent event, ServerTransaction st) {
        ServerTransaction invite = ((ServerTransactionExt) st).getCanceledInviteTransaction();
        if (invite == null || !(invite.getApplicationData() instanceof B2buaCall call)) {
            messages.send(st, messages.response(st.getRequest(), Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
            return;
        }
        messages.send(st, messages.response(st.getRequest(), Response.OK));
        call.onLane(call::onCancel);
    }
}
