package com.crosspoint.billing;

/**
 * What the PBX asks billing about an outside call: before it dials out, and once it knows the carrier that
 * answered. {@link #OPEN} lets every call go unbilled (a node without billing, unit tests).
 */
public interface OutsideCallGate {
    OutsideCallGate OPEN = new OutsideCallGate() {
        @Override
        public Authorisation admit(CallStart start, boolean emergency) {
            return new Authorisation.Unbilled("no billing");
        }

        @Override
        public void carriedBy(String callId, long carrierId) {
        }
    };

    /**
     * Whether the call may go out and for how long. Emergency calls are never refused and never billed (issue 12):
     * no account, funds or limit stands between a caller and the emergency services. Returns at once: a granted
     * call may be dialled, but not answered before {@link Authorisation.Granted#durable} completes.
     */
    Authorisation admit(CallStart start, boolean emergency);

    /** The carrier that answered the call, for its cost; ignored for an unbilled call. */
    void carriedBy(String callId, long carrierId);
}
