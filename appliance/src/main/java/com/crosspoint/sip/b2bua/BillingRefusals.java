package com.crosspoint.sip.b2bua;

import com.crosspoint.billing.Refusal;
import com.crosspoint.model.Disposition;
import javax.sip.message.Response;

/**
 * How an outside call billing refuses is answered (RFC 3261 §21), in one table; the reason phrase says which
 * limit so that the caller's phone shows it and an operator reads it in a trace.
 * <ul>
 *   <li>402 Payment Required for money the account lacks: reserved by RFC 3261 §21.4.3, and what prepaid
 *       platforms answer for exactly this, so a caller's phone or an upstream switch can tell "top up" apart;</li>
 *   <li>403 Forbidden for what paying would not change: a frozen account or user, a blocked destination, a
 *       destination the plan does not sell, a spend limit (fraud protection, not a lack of funds);</li>
 *   <li>486 Busy Here when the user has their most calls at once (they are busy, as a phone would be), 503
 *       Service Unavailable when the whole account has: §21.5.4, a limit that frees up as calls end;</li>
 *   <li>482 Loop Detected for a call that was authorised already (the same Call-ID asking again).</li>
 * </ul>
 */
final class BillingRefusals {
    private BillingRefusals() {
    }

    static Rejections.Refusal refusal(Refusal why) {
        return switch (why) {
            case NO_ACCOUNT -> forbidden("No billing account");
            case ACCOUNT_FROZEN -> forbidden("Account frozen");
            case USER_FROZEN -> forbidden("User frozen");
            case DESTINATION_BLOCKED -> forbidden("Destination blocked");
            case NO_RATE -> forbidden("Destination not in plan");
            case TENANT_CALL_LIMIT -> new Rejections.Refusal(Response.SERVICE_UNAVAILABLE, "Account call limit reached",
                    Disposition.FAILED);
            case USER_CALL_LIMIT -> new Rejections.Refusal(Response.BUSY_HERE, "User call limit reached",
                    Disposition.BUSY);
            case INSUFFICIENT_FUNDS -> new Rejections.Refusal(Response.PAYMENT_REQUIRED, "Insufficient funds",
                    Disposition.FAILED);
            case TENANT_HOURLY_SPEND, USER_HOURLY_SPEND -> forbidden("Hourly spend limit reached");
            case TENANT_DAILY_SPEND, USER_DAILY_SPEND -> forbidden("Daily spend limit reached");
            case DUPLICATE_CALL -> new Rejections.Refusal(Response.LOOP_DETECTED, "Call already authorised",
                    Disposition.FAILED);
        };
    }

    /** The call's reservation could not be stored: no call is connected that billing could not account for. */
    static Rejections.Refusal unstored() {
        return new Rejections.Refusal(Response.SERVICE_UNAVAILABLE, "Billing unavailable", Disposition.FAILED);
    }

    private static Rejections.Refusal forbidden(String reason) {
        return new Rejections.Refusal(Response.FORBIDDEN, reason, Disposition.FAILED);
    }
}
