package com.crosspoint.model;

/** Why the appliance ended an answered call on billing's behalf, as its CDR says (issue 14). */
public enum CallEndReason {
    /** The account's funds (balance and credit) paid no more talk. */
    CREDIT_EXHAUSTED("credit exhausted"),
    /** The tenant's or the user's spend limit per hour or per day was reached. */
    SPEND_LIMIT("spend limit reached"),
    /** The call reached billing.maxReservationSeconds, the longest any call may last. */
    ALLOWANCE_CAP("longest call reached"),
    /** An admin froze the account or the user. */
    FROZEN("account frozen");

    private final String text;

    CallEndReason(String text) {
        this.text = text;
    }

    /** The words shown on the CDR ("credit exhausted"). */
    public String text() {
        return text;
    }
}
