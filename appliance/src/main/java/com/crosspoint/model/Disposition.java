package com.crosspoint.model;

/** How a call attempt ended, as recorded on its CDR. */
public enum Disposition {
    ANSWERED, BUSY, NO_ANSWER, CANCELLED, FAILED,
    /** Taken by the appliance itself: a caller left (or tried to leave) a message, or a user called the mailbox. */
    VOICEMAIL
}
