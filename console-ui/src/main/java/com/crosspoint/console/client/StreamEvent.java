package com.crosspoint.console.client;

import java.time.Instant;
import java.util.List;

/** One frame of the event stream ({@code GET /api/v1/events}). */
public sealed interface StreamEvent {

    String type();

    long seq();

    /** First frame of every connection: everything the login may watch, as it is now. */
    record Snapshot(String type, long seq, Instant at, List<Registration> registrations, List<Call> calls)
            implements StreamEvent {
        public Snapshot {
            registrations = List.copyOf(registrations);
            calls = List.copyOf(calls);
        }
    }

    /** {@code registration.added|refreshed|removed|expired}. */
    record RegistrationChange(String type, long seq, Instant at, long tenantId, Registration registration)
            implements StreamEvent {
        /** Removed or expired: the contact is gone. */
        public boolean gone() {
            return type.equals("registration.removed") || type.equals("registration.expired");
        }
    }

    /** {@code call.setup|ringing|answered|held|transferring|ended}; the call carries its full state. */
    record CallChange(String type, long seq, Instant at, long tenantId, Call call) implements StreamEvent {
        public boolean ended() {
            return type.equals("call.ended");
        }
    }

    /** {@code acd.agent} (an agent's state, {@code agent} set) or {@code acd.queue} (a queue's figures). */
    record AcdChange(String type, long seq, Instant at, long tenantId, AcdAgent agent, AcdQueueFigures queue)
            implements StreamEvent {
    }

    /** Anything else ({@code message.*}, types added later): the console does not show it. */
    record Other(String type, long seq) implements StreamEvent {
    }
}
