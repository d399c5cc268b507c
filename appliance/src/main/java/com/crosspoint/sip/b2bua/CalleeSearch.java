package com.crosspoint.sip.b2bua;

/** Looking for whoever takes a call: the phones of a user ({@link Hunt}) or the servers of a trunk ({@link TrunkHunt}). */
interface CalleeSearch {
    /** Before a call looks for anyone, and for calls that never do. */
    CalleeSearch NONE = () -> { };

    /** The caller is gone or the call was ended: stop; a leg that answers after this is hung up. */
    void abandon();
}
