package com.crosspoint.sip.b2bua;

import com.crosspoint.sip.ResponseListener;
import com.crosspoint.sip.SipMessages;
import java.text.ParseException;
import java.util.List;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One side of a call: a SIP dialog between the appliance and one phone. The call pairs two legs
 * and relays between them; this class knows how to send in-dialog requests on its dialog.
 * Touched only on its call's lane.
 */
abstract class Leg {
    private static final Logger LOG = LoggerFactory.getLogger(Leg.class);

    final SipMessages messages;
    final B2buaCall call;
    /**
     * The extension of the person on this leg; for a {@link MediaLeg} the label of its application, which
     * changes when the call is handed to another one (a menu handing the caller to voicemail).
     */
    String extension;
    /** The transport the phone speaks to us on (for our Contact). */
    final String transport;
    Dialog dialog;
    /** The session description this phone sent last (offer or answer); reused for transfers. */
    byte[] remoteSdp;
    /** The origin every session description sent to this phone carries (RFC 3264 §8). */
    final PresentedOrigin origin = new PresentedOrigin();
    boolean ended;

    Leg(SipMessages messages, B2buaCall call, String extension, String transport) {
        this.messages = messages;
        this.call = call;
        this.extension = extension;
        this.transport = transport;
    }

    void attach(Dialog d) {
        if (d != null && dialog == null) {
            dialog = d;
            d.setApplicationData(this);
        }
    }

    /** Hangs up an established dialog with BYE. */
    void bye() {
        if (ended || dialog == null || dialog.getState() == DialogState.TERMINATED) {
            ended = true;
            return;
        }
        ended = true;
        sendInDialog(Request.BYE, List.of(), null, null, null);
    }

    /**
     * Sends an in-dialog request; {@code listener} (may be null) hears its responses on the lane.
     * Returns false when the dialog cannot carry it any more.
     */
    boolean sendInDialog(String method, List<Header> extra, byte[] body, ContentTypeHeader type,
                         LaneResponseListener listener) {
        try {
            Request rq = dialog.createRequest(method);
            if (Request.INVITE.equals(method) || Request.NOTIFY.equals(method) || Request.REFER.equals(method)) {
                rq.setHeader(messages.contact(transport));
            }
            if (body != null) {
                boolean sdp = type != null && "sdp".equalsIgnoreCase(type.getContentSubType());
                rq.setContent(sdp ? origin.apply(body) : body, type);
            }
            for (Header h : extra) {
                rq.setHeader(h);
            }
            ClientTransaction ct = messages.provider().getNewClientTransaction(rq);
            ct.setApplicationData(new LaneHop(listener));
            dialog.sendRequest(ct);
            return true;
        } catch (SipException | ParseException | RuntimeException e) {
            LOG.debug("could not send {} on call {}: {}", method, call.id(), e.getMessage());
            return false;
        }
    }

    /** Adapts a stack-thread response callback to one that runs on the call's lane. */
    private final class LaneHop implements ResponseListener {
        private final LaneResponseListener listener;

        LaneHop(LaneResponseListener listener) {
            this.listener = listener;
        }

        @Override
        public void onResponse(ResponseEvent event) {
            if (listener != null) {
                call.onLane(() -> listener.onResponse(event.getResponse()));
            }
        }

        @Override
        public void onTimeout() {
            if (listener != null) {
                call.onLane(listener::onTimeout);
            }
        }
    }

    /** A response callback that runs on the lane. */
    interface LaneResponseListener {
        void onResponse(javax.sip.message.Response response);

        void onTimeout();
    }
}
