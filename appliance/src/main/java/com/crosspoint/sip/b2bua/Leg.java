package com.crosspoint.sip.b2bua;

import com.crosspoint.media.engine.SignalledPeer;
import com.crosspoint.model.CallQualitySummary;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * One party of a call as the call sees it: a phone at the end of a SIP dialog ({@link PhoneLeg}) or the appliance
 * itself answering with a voice application ({@link MediaLeg}). What the other party does reaches a leg through
 * one method per kind of event, and each kind of leg carries it out its own way (a phone is sent the request, the
 * appliance answers it), so the call never asks which kind of leg it holds. Touched only on its call's lane.
 */
interface Leg {

    /** The extension of the person on this leg, or the label of the application answering it ("voicemail"). */
    String label();

    /** The session description this party sent last (offer or answer): what a transfer offers to someone else. */
    byte[] lastSdp();

    /** The codec this party's media uses, when known. */
    String codec();

    /** How the audio this party sends reaches the appliance, when the appliance carries it; null otherwise. */
    CallQualitySummary quality();

    /**
     * Whether this party is a phone whose media a re-INVITE may point elsewhere: at a transfer target, at music
     * on hold. The appliance's own media leg is not: it is where media ends.
     */
    boolean movable();

    /**
     * Where this party's RTP may come from when the appliance anchors its media, given the address its session
     * description names: a phone knows from its signalling whether it is behind NAT. By default the SDP address is
     * taken at its word (only it latches).
     */
    default SignalledPeer mediaPeer(InetSocketAddress sdpRtp) {
        return SignalledPeer.DIRECT;
    }

    /**
     * What this party's signalling shows about NAT, in plain words, given the address its session description
     * names: for the NAT doctor. Nothing by default (the appliance's own legs).
     */
    default List<String> natEvidence(InetSocketAddress sdpRtp) {
        return List.of();
    }

    /** Whether this party has left the call (hung up, or was hung up). */
    boolean ended();

    /**
     * The other party offers a new session description (a re-INVITE: hold, resume, new address, a transfer
     * target's media). {@code answered} hears this party's answer, or the failure, exactly once.
     */
    void offer(byte[] sdp, OfferListener answered);

    /**
     * Another in-dialog request of the other party (INFO with a key press, UPDATE ...); returns the status the
     * request is to be answered with.
     */
    int relay(InDialogRequest request);

    /** Whether this party offered in its 2xx (late offer) and still waits for the answer. */
    boolean awaitsAnswer();

    /** The other party's ACK brought the answer to this party's late offer (null when it brought none). */
    void acceptAnswer(byte[] sdp);

    /** The call ends for this party: a phone is sent BYE, an application hears that the caller hung up. */
    void bye();

    /**
     * How the transfer this party asked for (REFER) goes: a sipfrag status line, the last one when the transfer
     * is over either way (RFC 3515 §2.4.5).
     */
    void transferProgress(String statusLine, boolean last);
}
