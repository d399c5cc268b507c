package com.crosspoint.sip.b2bua;

import com.crosspoint.sip.RequestHandler;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.ReferToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Requests inside a call's dialogs (BYE, re-INVITE, REFER, INFO ...): routed to the call's lane. */
final class InDialogHandler implements RequestHandler {
    private final B2buaContext ctx;

    InDialogHandler(B2buaContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void handle(RequestEvent event, ServerTransaction st) {
        Request rq = event.getRequest();
        Dialog dialog = event.getDialog() != null ? event.getDialog() : st == null ? null : st.getDialog();
        Leg leg = dialog != null && dialog.getApplicationData() instanceof Leg l ? l : null;
        if (Request.ACK.equals(rq.getMethod())) {
            return; // ACKs for our 2xx need nothing more: SDP always travels in INVITE and 2xx
        }
        if (leg == null) {
            ctx.messages().send(st, ctx.messages().response(rq, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
            return;
        }
        B2buaCall call = leg.call;
        switch (rq.getMethod()) {
            case Request.BYE -> call.onLane(() -> call.onBye(leg, st));
            case Request.INVITE -> call.onLane(() -> call.onReinvite(leg, st));
            case Request.REFER -> call.onLane(() -> call.onRefer(leg, st, referTarget(rq)));
            case Request.NOTIFY -> ctx.messages().send(st, ctx.messages().response(rq, Response.OK));
            default -> call.onLane(() -> call.onRelay(leg, st));
        }
    }

    /** The user part of Refer-To, the extension to transfer to; null when not a SIP URI. */
    private static String referTarget(Request rq) {
        ReferToHeader rt = (ReferToHeader) rq.getHeader(ReferToHeader.NAME);
        if (rt != null && rt.getAddress().getURI() instanceof SipURI sip) {
            return sip.getUser();
        }
        return null;
    }
}
