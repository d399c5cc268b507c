package com.crosspoint.sip.b2bua;

import com.crosspoint.sip.RequestHandler;
import gov.nist.javax.sip.stack.SIPDialog;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.ReferToHeader;
import javax.sip.message.Request;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Requests inside a call's dialogs (BYE, re-INVITE, REFER, INFO ...): routed to the call's lane. */
final class InDialogHandler implements RequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(InDialogHandler.class);

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
            confirmAck(event, leg);
            return;
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

    /**
     * JAIN-SIP 1.3.0-91 records an ACK for our 2xx only once the dialog's retransmission timer exists,
     * and it arms that timer just after the 2xx is on the wire: an ACK arriving in between reaches us
     * but is not recorded, and the acknowledged 2xx is retransmitted after 500 ms. The 2xx was sent on
     * the call's lane, so there the timer exists: offering the ACK to the dialog again stops it. The call
     * then hears of the ACK, whose body is the answer to a late offer.
     */
    private void confirmAck(RequestEvent event, Leg leg) {
        if (!(event.getDialog() instanceof SIPDialog dialog)
                || !(event.getServerTransaction() instanceof SIPServerTransaction ack)) {
            return;
        }
        byte[] sdp = event.getRequest().getRawContent();
        Runnable confirm = () -> {
            if (!dialog.isAckSeen()) {
                dialog.handleAck(ack);
            }
            // After a late offer the ACK carries the caller's answer (RFC 3264 §4); the leg is attached by now.
            if (dialog.getApplicationData() instanceof Leg attached) {
                attached.call.onAck(attached, sdp);
            }
        };
        if (leg != null) {
            leg.call.onLane(confirm);
            return;
        }
        // Not attached yet: the 2xx of the caller's leg is being sent, on the lane of its Call-ID.
        String callId = ((CallIdHeader) event.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        try {
            ctx.lanes().execute(callId, confirm);
        } catch (RejectedExecutionException e) {
            LOG.warn("call {}: lane full, ACK not confirmed to the stack", callId);
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
