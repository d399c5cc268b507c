package com.crosspoint.routing;

import com.crosspoint.call.ForwardingPolicy.Reason;

/** Why a call cannot go anywhere. The signalling edge turns it into a response code. */
public enum Rejection {
    /** Nobody and nothing has the dialled number in the caller's tenant. */
    NO_SUCH_NUMBER,
    /** The dialled number belongs to another domain: the appliance is no open relay. */
    RELAYING_DENIED,
    /** Forwarding led back to a user already rung, or through too many users. */
    FORWARDING_LOOP,
    /** The user was busy (every phone, or do-not-disturb) and nothing takes the call instead. */
    BUSY,
    /** The user did not answer in time and nothing takes the call instead. */
    NO_ANSWER,
    /** No phone of the user could be reached and nothing takes the call instead. */
    UNAVAILABLE,
    /** An outside number the tenant may not call: premium rate, international, or another barred prefix. */
    BARRED,
    /** An outside number, but neither the caller nor the tenant owns a DID to present as caller ID. */
    NO_CALLER_ID,
    /** An outside number, but the node has no call router or gateway for it. */
    NO_ROUTE_OUTSIDE,
    /** An outside call the far end refused (its status is passed on), or that no router or gateway took (503). */
    OUTSIDE_FAILED;

    /** The rejection of a user who could not take a call for {@code reason}. */
    public static Rejection of(Reason reason) {
        return switch (reason) {
            case BUSY -> BUSY;
            case NO_ANSWER -> NO_ANSWER;
            case UNAVAILABLE -> UNAVAILABLE;
        };
    }

    /**
     * Whether refusing for this reason ends a call attempt worth a call record. A number that does not exist, or
     * is not ours, never became a call: it is answered at once and recorded nowhere, as before there was routing.
     */
    public boolean endsACall() {
        // a barred number is recorded: attempts on premium and international numbers are how toll fraud shows
        return this != NO_SUCH_NUMBER && this != RELAYING_DENIED && this != NO_CALLER_ID;
    }
}
