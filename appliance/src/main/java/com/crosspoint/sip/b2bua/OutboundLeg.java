package com.crosspoint.sip.b2bua;

import com.crosspoint.model.Binding;
import com.crosspoint.sip.ResponseListener;
import com.crosspoint.sip.SipMessages;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A leg we called: one INVITE to one registered device. */
final class OutboundLeg extends Leg implements ResponseListener {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundLeg.class);

    enum State { CALLING, EARLY, CONNECTED, FAILED }

    final Binding target;
    private ClientTransaction invite;
    State state = State.CALLING;
    int finalStatus;
    /** CANCEL was wanted before any provisional response: send it when one arrives (RFC 3261 §9.1). */
    private boolean cancelPending;
    /** The INVITE carried no offer: the 2xx brings the phone's offer and our ACK must answer it. */
    private final boolean lateOffer;
    /** A late offer's 2xx, held unacknowledged until the caller's answer arrives; null otherwise. */
    private Response unacknowledged;

    OutboundLeg(SipMessages messages, B2buaCall call, String extension, Binding target, String transport,
                boolean lateOffer) {
        super(messages, call, extension, transport);
        this.target = target;
        this.lateOffer = lateOffer;
    }

    void start(ClientTransaction ct) throws SipException {
        this.invite = ct;
        ct.setApplicationData(this);
        ct.sendRequest();
        attach(ct.getDialog());
    }

    boolean isPending() {
        return state == State.CALLING || state == State.EARLY;
    }

    /** Stops ringing this device. */
    void cancel() {
        if (state == State.CALLING) {
            cancelPending = true;
        } else if (state == State.EARLY) {
            sendCancel();
        }
    }

    private void sendCancel() {
        try {
            Request cancel = invite.createCancel();
            ClientTransaction ct = messages.provider().getNewClientTransaction(cancel);
            ct.sendRequest();
        } catch (SipException | RuntimeException e) {
            LOG.debug("could not cancel leg of call {}: {}", call.id(), e.getMessage());
        }
    }

    /** ACK for a 2xx, which the application sends itself (RFC 3261 §13.2.2.4). */
    void ack(Response ok) {
        ack(ok, null);
    }

    private void ack(Response ok, byte[] sdp) {
        try {
            long cseq = ((CSeqHeader) ok.getHeader(CSeqHeader.NAME)).getSeqNumber();
            attach(invite.getDialog());
            Request ack = dialog.createAck(cseq);
            if (sdp != null && sdp.length > 0) {
                ack.setContent(origin.apply(sdp), InboundLeg.sdpType(messages));
            }
            dialog.sendAck(ack);
        } catch (SipException | javax.sip.InvalidArgumentException | java.text.ParseException | RuntimeException e) {
            LOG.debug("could not ACK leg of call {}: {}", call.id(), e.getMessage());
        }
    }

    /**
     * Late offer (RFC 3264 with the offer in the 2xx): the INVITE carried no SDP, so this leg's 2xx holds the
     * phone's offer and its ACK must carry the answer, which only the caller's ACK brings. Until then the 2xx
     * stays unacknowledged (the phone retransmits it).
     */
    boolean awaitsAnswer() {
        return unacknowledged != null;
    }

    /** Sends the ACK held back for the late offer, with the caller's answer (or none, if the caller sent none). */
    void ackWithAnswer(byte[] sdp) {
        Response ok = unacknowledged;
        unacknowledged = null;
        if (ok != null) {
            ack(ok, sdp);
        }
    }

    @Override
    void bye() {
        ackWithAnswer(null); // a dialog is only confirmed, and can only be hung up, once its 2xx is ACKed
        super.bye();
    }

    @Override
    public void onResponse(ResponseEvent event) {
        Response r = event.getResponse();
        if (!Request.INVITE.equals(((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getMethod())) {
            return;
        }
        call.onLane(() -> onInviteResponse(r, event.getDialog()));
    }

    private void onInviteResponse(Response r, javax.sip.Dialog d) {
        int status = r.getStatusCode();
        attach(d);
        if (status < 200) {
            if (status > 100 && state == State.CALLING) {
                state = State.EARLY;
                if (cancelPending) {
                    sendCancel();
                    return;
                }
            } else if (status == 100 || state != State.EARLY) {
                return;
            }
            call.onLegProvisional(this, status, r.getRawContent());
        } else if (status < 300) {
            if (state == State.CONNECTED) {
                return;
            }
            state = State.CONNECTED;
            remoteSdp = r.getRawContent();
            if (lateOffer) {
                unacknowledged = r;
            } else {
                ack(r);
            }
            call.onLegAnswered(this);
        } else if (state != State.FAILED) {
            state = State.FAILED;
            finalStatus = status;
            ended = true;
            call.onLegFailed(this, status);
        }
    }

    @Override
    public void onTimeout() {
        call.onLane(() -> {
            if (isPending()) {
                state = State.FAILED;
                finalStatus = Response.REQUEST_TIMEOUT;
                ended = true;
                call.onLegFailed(this, Response.REQUEST_TIMEOUT);
            }
        });
    }
}
