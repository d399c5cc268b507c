package com.crosspoint.call;

/** Where a call is in its life, as people watching it see it. */
public enum CallState {
    /** INVITE accepted, devices being tried. */
    SETUP,
    /** At least one device rings. */
    RINGING,
    /** Two parties talk. */
    ANSWERED,
    /** One party put the other on hold. */
    HELD,
    /** A transfer is being carried out. */
    TRANSFERRING,
    /** Over; the CDR is committed. */
    ENDED;

    public boolean isActive() {
        return this != ENDED;
    }
}
