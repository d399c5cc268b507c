package com.crosspoint.sip.b2bua;

/** Hears, on the call's lane, how a party answered an offer it was made ({@link Leg#offer}). */
@FunctionalInterface
interface OfferListener {
    /** 408 when the party did not answer, 500 when the offer could not be sent. */
    int NOT_SENT = 500;

    /** The final status and, for a 2xx, the party's answer. */
    void answered(int status, byte[] sdp);

    static boolean accepted(int status) {
        return status >= 200 && status < 300;
    }
}
