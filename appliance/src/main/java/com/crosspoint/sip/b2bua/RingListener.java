package com.crosspoint.sip.b2bua;

/** Hears how a {@link DialledLeg} progresses, on the call's lane. */
interface RingListener {

    /** The first provisional response, 100 Trying included: whoever {@code leg} was sent to is there. */
    default void onResponding(DialledLeg leg) {
    }

    /** 180 or 183 (with early media when {@code sdp} is not null). */
    void onProvisional(DialledLeg leg, int status, byte[] sdp);

    /** A 2xx: the phone answered (ACKed already, unless its 2xx offered and the answer is awaited). */
    void onAnswered(DialledLeg leg);

    /** A final failure, or no response at all (408). */
    void onFailed(DialledLeg leg, int status);
}
