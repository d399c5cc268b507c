package com.crosspoint.media.sdp;

import java.util.Objects;

/** The outcome of offer/answer: agreed media, or a refusal the SIP layer maps to 488 Not Acceptable Here. */
public sealed interface Negotiation {

    /**
     * @param description our answer (when answering an offer) or the peer's answer (when it answered ours)
     * @param media       the agreed audio stream
     */
    record Agreed(SessionDescription description, MediaParameters media) implements Negotiation {
        public Agreed {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(media, "media");
        }
    }

    /** No usable audio stream; {@code reason} is for logs and a Warning header. */
    record NotAcceptable(String reason) implements Negotiation {
        public NotAcceptable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
