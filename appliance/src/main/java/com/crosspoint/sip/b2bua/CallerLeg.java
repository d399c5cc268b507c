package com.crosspoint.sip.b2bua;

/** The leg of the party who placed the call: its INVITE is answered once, by whatever the call connects it to. */
interface CallerLeg extends Leg {

    /** 180 Ringing, or 183 Session Progress carrying early media when {@code sdp} is not null. */
    void ringing(int status, byte[] sdp);

    /** 200 OK with {@code sdp} (an answer, or an offer when the caller sent none). */
    void answer(byte[] sdp);

    /** A final failure response; the leg ends. */
    void reject(int status, String reason);

    /** Whether the INVITE has had its final response. */
    boolean finalSent();
}
