package com.crosspoint.sip.b2bua;

import com.crosspoint.sip.RequestHandler;
import gov.nist.javax.sip.stack.SIPDialog;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests inside a call's dialogs (BYE, re-INVITE, REFER, INFO ...): each goes to the leg whose dialog it came
 * in on, which hands it to its call on the call's lane.
 */
final class InDialogHandler implements RequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(InDialogHandler.class);

    private final SipCallEnvironment env;

    InDialogHandler(SipCallEnvironment env) {
        this.env = env;
    }

    @Override
    public void handle(RequestEvent event, ServerTransaction st) {
        Request rq = event.getRequest();
        Dialog dialog = event.getDialog() != null ? event.getDialog() : st == null ? null : st.getDialog();
        PhoneLeg leg = legOf(dialog);
        if (Request.ACK.equals(rq.getMethod())) {
            confirmAck(event, leg);
            return;
        }
        if (leg != null) {
            leg.receive(st);
        } else if (dialog != null) {
            // A request right behind our 2xx (a BYE after the ACK) can get here before the call's lane has bound
            // the dialog to its leg; it sent the 2xx on the lane of the Call-ID, so look again there.
            String callId = ((CallIdHeader) rq.getHeader(CallIdHeader.NAME)).getCallId();
            try {
                env.execute(callId, () -> receiveOrRefuse(legOf(dialog), st));
            } catch (RejectedExecutionException e) {
                receiveOrRefuse(null, st);
            }
        } else {
            receiveOrRefuse(null, st);
        }
    }

    private void receiveOrRefuse(PhoneLeg leg, ServerTransaction st) {
        if (leg == null) {
            Request rq = st.getRequest();
            env.messages().send(st, env.messages().response(rq, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
        } else {
            leg.receive(st);
        }
    }

    /** The leg a dialog belongs to: {@link PhoneLeg#attach} keeps it as the dialog's application data. */
    private static PhoneLeg legOf(Dialog dialog) {
        return dialog != null && dialog.getApplicationData() instanceof PhoneLeg leg ? leg : null;
    }

    /**
     * JAIN-SIP 1.3.0-91 records an ACK for our 2xx only once the dialog's retransmission timer exists,
     * and it arms that timer just after the 2xx is on the wire: an ACK arriving in between reaches us
     * but is not recorded, and the acknowledged 2xx is retransmitted after 500 ms. The 2xx was sent on
     * the call's lane, so there the timer exists: offering the ACK to the dialog again stops it. The call
     * then hears of the ACK, whose body is the answer to a late offer.
     */
    private void confirmAck(RequestEvent event, PhoneLeg leg) {
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
            PhoneLeg attached = legOf(dialog);
            if (attached != null) {
                attached.acknowledged(sdp);
            }
        };
        if (leg != null) {
            leg.call.onLane(confirm);
            return;
        }
        // Not attached yet: the 2xx of the caller's leg is being sent, on the lane of its Call-ID.
        String callId = ((CallIdHeader) event.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        try {
            env.execute(callId, confirm);
        } catch (RejectedExecutionException e) {
            LOG.warn("call {}: lane full, ACK not confirmed to the stack", callId);
        }
    }
}
