package com.crosspoint.sip.b2bua;

import java.util.OptionalLong;

/** A leg the appliance placed: one INVITE to one phone, ringing until it answers, fails or is cancelled. */
interface DialledLeg extends Leg {

    /** Whether the INVITE has no final response yet. */
    boolean pending();

    /** Stops ringing the phone (CANCEL, once it is allowed). */
    void cancel();

    /** The final failure status, 0 while pending or after a 2xx. */
    int finalStatus();

    /** The carrier a call router says answered this leg (see AnsweringCarrier); empty for anything else. */
    default OptionalLong answeringCarrier() {
        return OptionalLong.empty();
    }
}
