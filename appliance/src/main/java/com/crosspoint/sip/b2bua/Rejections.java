package com.crosspoint.sip.b2bua;

import com.crosspoint.model.Disposition;
import com.crosspoint.routing.Rejection;
import javax.sip.message.Response;

/** How a call the routing step refuses is answered (RFC 3261 §21) and recorded. */
final class Rejections {
    private Rejections() {
    }

    /** The response to the caller, with its reason phrase when ours says more than the standard one. */
    record Refusal(int status, String reason, Disposition disposition) {
    }

    /** @param lastStatus the final status of the last phone that gave up: a 6xx is passed on as it is */
    static Refusal refusal(Rejection why, int lastStatus) {
        return switch (why) {
            case NO_SUCH_NUMBER -> new Refusal(Response.NOT_FOUND, null, Disposition.FAILED);
            case RELAYING_DENIED -> new Refusal(Response.FORBIDDEN, "Relaying denied", Disposition.FAILED);
            case FORWARDING_LOOP -> new Refusal(Response.LOOP_DETECTED, "Forwarding loop", Disposition.FAILED);
            case BUSY -> new Refusal(Response.BUSY_HERE, null, Disposition.BUSY);
            case NO_ANSWER -> new Refusal(Response.TEMPORARILY_UNAVAILABLE, null, Disposition.NO_ANSWER);
            case UNAVAILABLE -> new Refusal(lastStatus >= 600 ? lastStatus : Response.TEMPORARILY_UNAVAILABLE, null,
                    Disposition.FAILED);
            case BARRED -> new Refusal(Response.FORBIDDEN, "Number barred", Disposition.FAILED);
            case NO_CALLER_ID -> new Refusal(Response.FORBIDDEN, "No number to call out with", Disposition.FAILED);
            // Q.850 cause 3 "no route to destination" maps to 404 (RFC 3398 §7.2.4.1)
            case NO_ROUTE_OUTSIDE -> new Refusal(Response.NOT_FOUND, "No route outside", Disposition.FAILED);
            case OUTSIDE_FAILED -> new Refusal(lastStatus >= 400 ? lastStatus : Response.SERVICE_UNAVAILABLE, null,
                    Disposition.FAILED);
        };
    }
}
