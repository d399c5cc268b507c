package com.crosspoint.sip.b2bua;

import com.crosspoint.call.SdpSummary;
import com.crosspoint.media.engine.SignalledPeer;
import com.crosspoint.model.CallQualitySummary;
import com.crosspoint.sip.DialogFlows;
import com.crosspoint.sip.ResponseListener;
import com.crosspoint.sip.SipMessages;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.ReferToHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A phone at the end of a SIP dialog with the appliance. It turns what the phone sends into the call's events and
 * carries out the call's decisions towards the phone. Every message body sent to the phone leaves through
 * {@link #setBody}, the one exit, which gives session descriptions the origin this phone saw first (RFC 3264
 * §8; {@link PresentedOrigin}). Touched only on its call's lane, but for {@link #receive}, which hops onto it.
 */
abstract class PhoneLeg implements Leg, InDialogRequest.Responder {
    private static final Logger LOG = LoggerFactory.getLogger(PhoneLeg.class);

    final SipMessages messages;
    final B2buaCall call;
    private final String label;
    /** The transport the phone speaks to us on (for our Contact). */
    final String transport;
    private final PresentedOrigin origin = new PresentedOrigin();
    private Dialog dialog;
    /** Where the phone's last message came from: set by the stack thread too (in {@link #receive}). */
    private volatile PhoneAddresses addresses = PhoneAddresses.UNKNOWN;
    private byte[] lastSdp;
    private boolean ended;
    /** Its hang-up reports how its media arrived ({@link MediaReportHeader}): a leg to a call router. */
    private boolean reportsMedia;
    /** The dialog whose requests follow this phone's flow ({@link DialogFlows}); null when none is remembered. */
    private String flowCallId;
    private String flowLocalTag;

    PhoneLeg(SipMessages messages, B2buaCall call, String label, String transport) {
        this.messages = messages;
        this.call = call;
        this.label = label;
        this.transport = transport;
    }

    /** Binds this leg to its dialog, where {@link InDialogHandler} finds it again. */
    final void attach(Dialog d) {
        if (d != null && dialog == null) {
            dialog = d;
            d.setApplicationData(this);
        }
    }

    final Dialog dialog() {
        return dialog;
    }

    final void remember(byte[] sdp) {
        if (sdp != null && sdp.length > 0) {
            lastSdp = sdp;
            call.anchor().heard(this, sdp);
        }
    }

    /** The phone sent {@code m}: where it came from tells whether the phone is behind NAT. */
    final void heardFrom(Message m) {
        addresses = PhoneAddresses.of(m);
    }

    final void markEnded() {
        ended = true;
        forgetFlow();
    }

    /**
     * The dialog is confirmed by {@code fromPhone} (its INVITE we answer, or its 2xx to ours): when the phone cannot
     * be reached at its Contact (NAT, TCP/TLS, {@code ;ob}), the dialog's requests go where that message came from.
     * Nothing is kept, and nothing but the stack's parsed fields is read, for a phone reached at its Contact.
     */
    final void followFlow(Message fromPhone, String localTag) {
        var flow = DialogFlows.flowOf(fromPhone);
        if (flow.isEmpty()) {
            return;
        }
        flowCallId = ((CallIdHeader) fromPhone.getHeader(CallIdHeader.NAME)).getCallId();
        flowLocalTag = localTag;
        messages.dialogFlows().remember(flowCallId, flowLocalTag, flow.get());
    }

    /** The dialog is over (its BYE sent or answered, or it failed): its flow is no longer needed. */
    private void forgetFlow() {
        if (flowCallId != null) {
            messages.dialogFlows().forget(flowCallId, flowLocalTag);
            flowCallId = null;
        }
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public byte[] lastSdp() {
        return lastSdp;
    }

    @Override
    public String codec() {
        return SdpSummary.of(lastSdp).codec();
    }

    /** The relay's figures when it carries this phone's audio; null when the phones send it to each other. */
    @Override
    public CallQualitySummary quality() {
        return call.anchor().quality(this);
    }

    @Override
    public boolean movable() {
        return true;
    }

    /** Behind NAT when the phone's Contact or SDP address is not where its SIP comes from. */
    @Override
    public SignalledPeer mediaPeer(InetSocketAddress sdpRtp) {
        return addresses.mediaPeer(sdpRtp);
    }

    @Override
    public List<String> natEvidence(InetSocketAddress sdpRtp) {
        return addresses.evidence(sdpRtp);
    }

    @Override
    public boolean ended() {
        return ended;
    }

    // ---- what the phone sends ------------------------------------------------------------------------------

    /** An in-dialog request from the phone: answered here or handed to the call on its lane. */
    final void receive(ServerTransaction st) {
        Request rq = st.getRequest();
        heardFrom(rq);
        ContentTypeHeader type = (ContentTypeHeader) rq.getHeader(ContentTypeHeader.NAME);
        if (Request.INVITE.equals(rq.getMethod()) && rq.getRawContent() != null) {
            call.onLane(() -> call.anchor().heard(this, rq.getRawContent())); // before its offer reaches anyone
        }
        InDialogRequest request = new InDialogRequest(rq.getMethod(), rq.getRawContent(),
                type == null ? null : type.getContentType() + "/" + type.getContentSubType(), referTarget(rq), st, this);
        switch (rq.getMethod()) {
            case Request.BYE -> call.onLane(() -> call.onBye(this, request));
            case Request.INVITE -> call.onLane(() -> call.onReinvite(this, request));
            case Request.REFER -> call.onLane(() -> call.onRefer(this, request));
            case Request.NOTIFY -> request.reply(Response.OK); // progress of a REFER of ours: nothing to do
            default -> call.onLane(() -> call.onRelay(this, request));
        }
    }

    /** The phone ACKed our 2xx; after a late offer the ACK carries its answer (RFC 3264 §4). Runs on the lane. */
    final void acknowledged(byte[] sdp) {
        remember(sdp);
        call.onAck(this, sdp);
    }

    /** The user part of Refer-To, the extension to transfer to; null when not a SIP URI. */
    private static String referTarget(Request rq) {
        ReferToHeader rt = (ReferToHeader) rq.getHeader(ReferToHeader.NAME);
        return rt != null && rt.getAddress().getURI() instanceof SipURI sip ? sip.getUser() : null;
    }

    @Override
    public final void respond(InDialogRequest request, int status, String reason, byte[] sdp) {
        ServerTransaction st = request.transaction();
        Response r = messages.response(st.getRequest(), status, reason);
        if (Request.INVITE.equals(request.method()) && OfferListener.accepted(status)) {
            r.setHeader(messages.contact(transport));
            setBody(r, sdp, sdpType());
            remember(request.body()); // the phone's offer is agreed: it is now what this phone sent last
        }
        if (Request.BYE.equals(request.method()) && reportsMedia) {
            MediaReportHeader.of(messages, quality()).forEach(r::addHeader);
        }
        messages.send(st, r);
        if (Request.BYE.equals(request.method())) {
            markEnded();
        }
    }

    // ---- what the other party does -------------------------------------------------------------------------

    /** A re-INVITE to the phone; a 2xx is ACKed here (RFC 3261 §13.2.2.4) before {@code answered} hears it. */
    @Override
    public void offer(byte[] sdp, OfferListener answered) {
        boolean sent = sendInDialog(Request.INVITE, List.of(), sdp, sdpType(), new LaneResponseListener() {
            @Override
            public void onResponse(Response r) {
                if (r.getStatusCode() < 200) {
                    return;
                }
                if (r.getStatusCode() < 300) {
                    ack(r, null);
                    heardFrom(r);
                    remember(r.getRawContent());
                }
                answered.answered(r.getStatusCode(), r.getRawContent());
            }

            @Override
            public void onTimeout() {
                answered.answered(Response.REQUEST_TIMEOUT, null);
            }
        });
        if (!sent) {
            answered.answered(OfferListener.NOT_SENT, null);
        }
    }

    /** Sent on to the phone as it came; the other party is told it arrived. */
    @Override
    public int relay(InDialogRequest request) {
        sendInDialog(request.method(), List.of(), request.body(), request.contentTypeHeader(), null);
        return Response.OK;
    }

    @Override
    public boolean awaitsAnswer() {
        return false;
    }

    @Override
    public void acceptAnswer(byte[] sdp) {
        // only a leg whose 2xx offered waits for an answer
    }

    /** From now on this leg's hang-up (its BYE, its 200 to a BYE) reports how its media arrived. */
    final void reportMediaAtEnd() {
        reportsMedia = true;
    }

    /** Hangs up an established dialog with BYE. */
    @Override
    public void bye() {
        if (ended || dialog == null || dialog.getState() == DialogState.TERMINATED) {
            markEnded();
            return;
        }
        ended = true;
        sendInDialog(Request.BYE, reportsMedia ? MediaReportHeader.of(messages, quality()) : List.of(), null, null,
                null);
        forgetFlow(); // after the BYE left: its transaction keeps its connection for retransmissions and the 200
    }

    /** NOTIFY with the sipfrag, in the dialog the REFER came in. */
    @Override
    public void transferProgress(String statusLine, boolean last) {
        try {
            var h = messages.headers();
            ContentTypeHeader type = h.createContentTypeHeader("message", "sipfrag");
            type.setParameter("version", "2.0");
            List<Header> extra = List.of(h.createEventHeader("refer"),
                    h.createSubscriptionStateHeader(last ? "terminated;reason=noresource" : "active;expires=60"));
            sendInDialog(Request.NOTIFY, extra, (statusLine + "\r\n").getBytes(StandardCharsets.UTF_8), type, null);
        } catch (ParseException e) {
            LOG.debug("call {}: cannot build NOTIFY: {}", call.id(), e.getMessage());
        }
    }

    // ---- SIP plumbing ------------------------------------------------------------------------------------------

    /**
     * The one exit for bodies to this phone: a session description is pointed at this phone's side of the relay
     * when the call is relayed ({@link MediaAnchor}), then given this phone's origin. Every request and response
     * this leg sends sets its body here.
     */
    final void setBody(Message m, byte[] body, ContentTypeHeader type) {
        if (body == null || body.length == 0 || type == null) {
            return;
        }
        boolean sdp = "sdp".equalsIgnoreCase(type.getContentSubType());
        try {
            m.setContent(sdp ? origin.apply(call.anchor().toPhone(this, body)) : body, type);
        } catch (ParseException e) {
            throw new IllegalStateException("cannot set a " + type.getContentSubType() + " body", e);
        }
    }

    final ContentTypeHeader sdpType() {
        try {
            return messages.headers().createContentTypeHeader("application", "sdp");
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ACK for a 2xx (RFC 3261 §13.2.2.4), carrying {@code sdp} when it answers an offer in the 2xx. */
    final void ack(Response ok, byte[] sdp) {
        try {
            long cseq = ((CSeqHeader) ok.getHeader(CSeqHeader.NAME)).getSeqNumber();
            Request ack = dialog.createAck(cseq);
            setBody(ack, sdp, sdpType());
            dialog.sendAck(ack);
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("call {}: could not ACK {}: {}", call.id(), label, e.getMessage());
        }
    }

    /**
     * Sends an in-dialog request; {@code listener} (may be null) hears its responses on the lane.
     * Returns false when the dialog cannot carry it any more.
     */
    final boolean sendInDialog(String method, List<Header> extra, byte[] body, ContentTypeHeader type,
                               LaneResponseListener listener) {
        try {
            Request rq = dialog.createRequest(method);
            if (Request.INVITE.equals(method) || Request.NOTIFY.equals(method) || Request.REFER.equals(method)) {
                rq.setHeader(messages.contact(transport));
            }
            setBody(rq, body, type);
            for (Header h : extra) {
                rq.setHeader(h);
            }
            ClientTransaction ct = messages.provider().getNewClientTransaction(rq);
            ct.setApplicationData(new LaneHop(listener));
            dialog.sendRequest(ct);
            return true;
        } catch (SipException | RuntimeException e) {
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
        void onResponse(Response response);

        void onTimeout();
    }
}
