package com.crosspoint.model;

/** How a call attempt ended, as recorded on its CDR. */
public enum Disposition {
    ANSWERED, BUSY, NO_ANSWER, CANCELLED, FAILED
}
