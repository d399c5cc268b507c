package com.crosspoint.sip.b2bua;

import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.call.SdpSummary;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.media.engine.SignalledPeer;
import com.crosspoint.model.CallQualitySummary;
import com.crosspoint.model.Disposition;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A leg of any kind without SIP or media, for unit tests of call behaviour (as {@code FakeChannel} is for voice
 * applications): it writes down, as plain lines, everything the call asks of it, and lets a test play the phone
 * (or the application): ring, answer, refuse, answer an offer, send an in-dialog request. Phone-like by default;
 * {@link #application} makes it the appliance's own leg.
 */
final class FakeLeg implements CallerLeg, DialledLeg, ApplicationLeg, InDialogRequest.Responder {
    private final String name;
    private final String label;
    private final boolean phone;
    private final List<String> log = new ArrayList<>();
    private RingListener ringListener;
    private byte[] lastSdp;
    private SignalledPeer mediaPeer = SignalledPeer.DIRECT;
    private boolean pending = true;
    private boolean responding;
    private int finalStatus;
    private boolean ended;
    private boolean finalSent;
    private final List<OfferListener> offers = new ArrayList<>();
    private CallApplication app;
    private OfferListener joining;
    private Answer negotiation = new Answer(Response.OK, null, sdp("appliance", 30000));

    private FakeLeg(String name, String label, boolean phone) {
        this.name = name;
        this.label = label;
        this.phone = phone;
    }

    /**
     * A phone of {@code extension}: the caller's, or one the call dialled (then {@code listener} hears how it
     * progresses); {@code name} tells the phones of one user apart in a test ("1002-2").
     */
    static FakeLeg phone(String name, String extension, byte[] offer, RingListener listener) {
        FakeLeg leg = new FakeLeg(name, extension, true);
        leg.lastSdp = offer;
        leg.ringListener = listener;
        return leg;
    }

    /** The appliance's own leg, answering with {@code app}. */
    /** This phone's signalling comes from {@code host}, not from where its SDP points: it is behind NAT. */
    FakeLeg behindNat(String host) {
        try {
            mediaPeer = SignalledPeer.behindNat(InetAddress.getByName(host)); // a literal: never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(host, e);
        }
        return this;
    }

    @Override
    public SignalledPeer mediaPeer(InetSocketAddress sdpRtp) {
        return mediaPeer;
    }

    @Override
    public List<String> natEvidence(InetSocketAddress sdpRtp) {
        return mediaPeer.behindNat() ? List.of("its SIP comes from " + mediaPeer.signallingHost().getHostAddress())
                : List.of();
    }

    static FakeLeg application(CallApplication app) {
        FakeLeg leg = new FakeLeg(app.label(), app.label(), false);
        leg.app = app;
        return leg;
    }

    /** A minimal session description of {@code who}'s at {@code port}; a hold when {@code direction} is sendonly. */
    static byte[] sdp(String who, int port, String direction) {
        return ("v=0\r\no=" + who + " 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=" + direction + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] sdp(String who, int port) {
        return sdp(who, port, "sendrecv");
    }

    /** What the call asked of this leg so far, oldest first. */
    List<String> log() {
        return List.copyOf(log);
    }

    void clearLog() {
        log.clear();
    }

    // ---- the test plays the phone -------------------------------------------------------------------------------

    /** 100 Trying: the phone or server is there. */
    void trying() {
        if (!responding) {
            responding = true;
            ringListener.onResponding(this);
        }
    }

    void ring() {
        trying();
        ringListener.onProvisional(this, Response.RINGING, null);
    }

    void pickUp(byte[] sdp) {
        pending = false;
        lastSdp = sdp;
        ringListener.onAnswered(this);
    }

    void refuse(int status) {
        pending = false;
        finalStatus = status;
        ended = true;
        ringListener.onFailed(this, status);
    }

    /** An in-dialog request this phone sends; the call answers it through this leg. */
    InDialogRequest request(String method, byte[] body) {
        return new InDialogRequest(method, body, body == null ? null : "application/sdp", null, null, this);
    }

    InDialogRequest refer(String target) {
        return new InDialogRequest(Request.REFER, null, null, target, null, this);
    }

    /** Answers the oldest offer the call made this leg that is still open. */
    void answerOffer(int status, byte[] sdp) {
        if (OfferListener.accepted(status) && sdp != null) {
            lastSdp = sdp;
        }
        offers.remove(0).answered(status, sdp);
    }

    int openOffers() {
        return offers.size();
    }

    /** How this application leg answers the caller's first offer. */
    void negotiateWith(Answer answer) {
        this.negotiation = answer;
    }

    // ---- what the call asks ---------------------------------------------------------------------------------

    @Override
    public void respond(InDialogRequest request, int status, String reason, byte[] sdp) {
        log.add("replied " + request.method() + " " + status + (sdp == null ? "" : " with " + who(sdp)));
        if (Request.INVITE.equals(request.method()) && OfferListener.accepted(status)) {
            lastSdp = request.body();
        }
        if (Request.BYE.equals(request.method())) {
            ended = true;
        }
    }

    @Override
    public void ringing(int status, byte[] sdp) {
        log.add("ringing " + status);
    }

    @Override
    public void answer(byte[] sdp) {
        finalSent = true;
        log.add("answered with " + who(sdp));
    }

    @Override
    public void reject(int status, String reason) {
        finalSent = true;
        ended = true;
        log.add("rejected " + status);
    }

    @Override
    public boolean finalSent() {
        return finalSent;
    }

    @Override
    public void offer(byte[] sdp, OfferListener answered) {
        log.add("offered " + who(sdp) + (SdpSummary.of(sdp).hold() ? " (hold)" : ""));
        offers.add(answered);
    }

    @Override
    public int relay(InDialogRequest request) {
        log.add("relayed " + request.method());
        return Response.OK;
    }

    @Override
    public boolean awaitsAnswer() {
        return false;
    }

    @Override
    public void acceptAnswer(byte[] sdp) {
        log.add("answer accepted");
    }

    @Override
    public void bye() {
        if (!ended) {
            ended = true;
            log.add("bye");
        }
    }

    @Override
    public void transferProgress(String statusLine, boolean last) {
        log.add("notified " + statusLine + (last ? " (last)" : ""));
    }

    @Override
    public boolean pending() {
        return pending;
    }

    @Override
    public void cancel() {
        if (pending) {
            log.add("cancelled");
        }
    }

    @Override
    public int finalStatus() {
        return finalStatus;
    }

    @Override
    public Answer negotiate() {
        log.add("negotiated");
        lastSdp = negotiation.sdp();
        return negotiation;
    }

    @Override
    public void join(OfferListener joined) {
        log.add("joining " + label());
        joining = joined;
    }

    /** The phone this application leg joined answered its offer with {@code status}. */
    void joined(int status) {
        joining.answered(status, null);
    }

    @Override
    public void start() {
        log.add("started " + app.label());
    }

    @Override
    public void ringback() {
        log.add("ringback");
    }

    @Override
    public void release() {
        ended = true;
        log.add("released");
    }

    @Override
    public void transferFailed(String extension, Reason reason, CallApplication instead) {
        log.add("transfer to " + extension + " failed: " + reason + ", instead " + (instead == null ? "nothing"
                : instead.label()));
    }

    @Override
    public void offerAnswered(String extension) {
        log.add("offer answered by " + extension);
    }

    @Override
    public void offerFailed(java.util.Map<String, Reason> agents) {
        log.add("offer failed: " + new java.util.TreeMap<>(agents));
    }

    @Override
    public Disposition disposition() {
        return app == null ? Disposition.ANSWERED : app.disposition();
    }

    @Override
    public String label() {
        return app == null ? label : app.label();
    }

    @Override
    public byte[] lastSdp() {
        return lastSdp;
    }

    @Override
    public String codec() {
        return SdpSummary.of(lastSdp).codec();
    }

    @Override
    public CallQualitySummary quality() {
        return null;
    }

    @Override
    public boolean movable() {
        return phone;
    }

    @Override
    public boolean ended() {
        return ended;
    }

    /** Whose description it is: the user field of its origin line. */
    static String who(byte[] sdp) {
        String text = new String(sdp, StandardCharsets.US_ASCII);
        int o = text.indexOf("o=");
        return text.substring(o + 2, text.indexOf(' ', o));
    }

    @Override
    public String toString() {
        return name;
    }
}
