package com.crosspoint.sip.b2bua;

import com.crosspoint.sip.ResponseListener;
import com.crosspoint.sip.SipMessages;
import com.crosspoint.trunk.AnsweringCarrier;
import java.util.OptionalLong;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ExtensionHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A leg we called: one INVITE to one registered phone or trunk server; how it progresses goes to its
 * {@link RingListener}.
 */
final class OutboundLeg extends PhoneLeg implements DialledLeg, CallerLeg, ResponseListener {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundLeg.class);

    private enum State { CALLING, EARLY, CONNECTED, FAILED }

    private final RingListener listener;
    private ClientTransaction invite;
    private State state = State.CALLING;
    private int finalStatus;
    /** CANCEL was wanted before any provisional response: send it when one arrives (RFC 3261 §9.1). */
    private boolean cancelPending;
    /** A provisional response arrived: the server or phone is there (trunks move on after silence). */
    private boolean responding;
    /** The INVITE carried no offer: the 2xx brings the phone's offer and our ACK must answer it. */
    private boolean lateOffer;
    /** A late offer's 2xx, held unacknowledged until the caller's answer arrives; null otherwise. */
    private Response unacknowledged;
    /** The carrier a call router named in its 2xx, if any. */
    private OptionalLong carrier = OptionalLong.empty();

    OutboundLeg(SipMessages messages, B2buaCall call, String extension, String transport, RingListener listener) {
        super(messages, call, extension, transport);
        this.listener = listener;
    }

    /** Sends {@code request}, an INVITE offering {@code sdp} (none: a late offer). */
    void start(Request request, byte[] sdp) throws SipException {
        lateOffer = sdp == null || sdp.length == 0;
        setBody(request, sdp, sdpType()); // the first description this phone sees: its origin stays
        invite = messages.provider().getNewClientTransaction(request);
        invite.setApplicationData(this);
        invite.sendRequest();
        attach(invite.getDialog());
    }

    @Override
    public boolean pending() {
        return state == State.CALLING || state == State.EARLY;
    }

    @Override
    public int finalStatus() {
        return finalStatus;
    }

    @Override
    public OptionalLong answeringCarrier() {
        return carrier;
    }

    @Override
    public void cancel() {
        if (state == State.CALLING) {
            cancelPending = true;
        } else if (state == State.EARLY) {
            sendCancel();
        }
    }

    private void sendCancel() {
        try {
            ClientTransaction ct = messages.provider().getNewClientTransaction(invite.createCancel());
            ct.sendRequest();
        } catch (SipException | RuntimeException e) {
            LOG.debug("could not cancel leg of call {}: {}", call.id(), e.getMessage());
        }
    }

    /**
     * Late offer (RFC 3264 with the offer in the 2xx): the INVITE carried no SDP, so this leg's 2xx holds the
     * phone's offer and its ACK must carry the answer, which only the caller's ACK brings. Until then the 2xx
     * stays unacknowledged (the phone retransmits it).
     */
    @Override
    public boolean awaitsAnswer() {
        return unacknowledged != null;
    }

    /** Sends the ACK held back for the late offer, with the caller's answer (or none, if the caller sent none). */
    @Override
    public void acceptAnswer(byte[] sdp) {
        Response ok = unacknowledged;
        unacknowledged = null;
        if (ok != null) {
            ack(ok, sdp);
        }
    }

    // As the caller of a call the appliance placed (Origin): its late offer's 2xx is answered by the ACK.

    @Override
    public void ringing(int status, byte[] sdp) {
    }

    @Override
    public void answer(byte[] sdp) {
        acceptAnswer(sdp);
    }

    @Override
    public void reject(int status, String reason) {
        bye();
    }

    @Override
    public boolean finalSent() {
        return ended() || (!pending() && !awaitsAnswer());
    }

    @Override
    public void bye() {
        if (pending()) {
            cancel(); // not answered yet: a BYE cannot end it (RFC 3261 §15)
            return;
        }
        acceptAnswer(null); // a dialog is only confirmed, and can only be hung up, once its 2xx is ACKed
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
            if (!responding && state == State.CALLING) {
                responding = true;
                listener.onResponding(this);
            }
            if (status > 100 && state == State.CALLING) {
                state = State.EARLY;
                if (cancelPending) {
                    sendCancel();
                    return;
                }
            } else if (status == 100 || state != State.EARLY) {
                return;
            }
            listener.onProvisional(this, status, r.getRawContent());
        } else if (status < 300) {
            if (state == State.CONNECTED) {
                return;
            }
            state = State.CONNECTED;
            heardFrom(r);
            Header named = r.getHeader(AnsweringCarrier.HEADER);
            carrier = named instanceof ExtensionHeader h ? AnsweringCarrier.parse(h.getValue()) : OptionalLong.empty();
            // The called phone is reached where its 2xx came from: the flow its INVITE went over. Before the ACK.
            followFlow(r, ((javax.sip.header.FromHeader) r.getHeader(javax.sip.header.FromHeader.NAME)).getTag());
            remember(r.getRawContent());
            if (lateOffer) {
                unacknowledged = r;
            } else {
                ack(r, null);
            }
            listener.onAnswered(this);
        } else if (state != State.FAILED) {
            fail(status);
        }
    }

    @Override
    public void onTimeout() {
        call.onLane(() -> {
            if (pending()) {
                fail(Response.REQUEST_TIMEOUT);
            }
        });
    }

    private void fail(int status) {
        state = State.FAILED;
        finalStatus = status;
        markEnded();
        listener.onFailed(this, status);
    }
}
