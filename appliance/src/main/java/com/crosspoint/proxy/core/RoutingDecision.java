package com.crosspoint.proxy.core;

import com.crosspoint.proxy.transport.Destination;
import java.util.ArrayList;
import java.util.List;

/** The answer of a {@link TargetResolver}. */
public sealed interface RoutingDecision {
    /** Next hops in the order to try them (serial forking with failover). */
    record Targets(List<Target> targets) implements RoutingDecision {
        public Targets {
            targets = List.copyOf(targets);
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("no targets: refuse instead");
            }
        }

        /** The request as it came to each hop in turn, unobserved. */
        public static Targets of(List<Destination> hops) {
            List<Target> targets = new ArrayList<>(hops.size());
            for (Destination d : hops) {
                targets.add(Target.to(d));
            }
            return new Targets(targets);
        }
    }

    /**
     * No route: the request is answered with this status.
     *
     * @param retryAfterSeconds the answer's Retry-After (a 503 for a source over its limit), or -1 for none
     * @param headerLines       further header lines of the answer, each ending in CRLF (a 407's challenge), or null
     */
    record Refuse(int status, String reason, int retryAfterSeconds, String headerLines) implements RoutingDecision {
        public Refuse {
            if (status < 300 || status > 699) {
                throw new IllegalArgumentException("a refusal is a final error status: " + status);
            }
        }

        public Refuse(int status, String reason, int retryAfterSeconds) {
            this(status, reason, retryAfterSeconds, null);
        }

        public Refuse(int status, String reason) {
            this(status, reason, -1, null);
        }

        /** The extra header lines of the answer, or null. */
        String extraHeaders() {
            String retry = retryAfterSeconds < 0 ? null : "Retry-After: " + retryAfterSeconds + "\r\n";
            if (headerLines == null) {
                return retry;
            }
            return retry == null ? headerLines : retry + headerLines;
        }
    }

    /** The request was for the proxy itself (an OPTIONS health check): answered with this 2xx. */
    record Answer(int status, String reason) implements RoutingDecision {
        public Answer {
            if (status < 200 || status > 299) {
                throw new IllegalArgumentException("an answer is a 2xx: " + status);
            }
        }
    }
}
