package com.crosspoint.registrar;

import com.crosspoint.model.Binding;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What the registrar decided; the SIP layer turns it into a response. */
public sealed interface RegisterOutcome {

    /**
     * Accepted. {@code committed} completes once the change is durable: only then may the 200 OK
     * (listing {@code bindings}, the AOR's bindings after the change) be sent.
     */
    record Accepted(List<Binding> bindings, CompletableFuture<Void> committed) implements RegisterOutcome {
    }

    /** 423 Interval Too Brief; the response carries Min-Expires. */
    record IntervalTooBrief(long minExpires) implements RegisterOutcome {
    }

    /** The REGISTER alone lists more contacts than an address of record may have: 403, naming the limit. */
    record TooManyContacts(int limit) implements RegisterOutcome {
    }

    /** 400 Bad Request with a reason phrase. */
    record Invalid(String reason) implements RegisterOutcome {
    }

    /** A REGISTER older than one already applied (same Call-ID, lower or equal CSeq): 500 (RFC 3261 §10.3 step 7). */
    record OutOfOrder() implements RegisterOutcome {
    }
}
