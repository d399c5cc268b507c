package com.crosspoint.routing;

import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.model.User;
import com.crosspoint.trunk.OutsideCall;
import java.util.Objects;

/**
 * Where a call goes, as the {@link DialPlan} decides it. Call control acts on the answer and never looks at a
 * dialled number itself.
 */
public sealed interface Destination {

    /** The application that answers a call sent here (a service, a mailbox); null when a person is rung or none. */
    default CallApplication answeringApp() {
        return null;
    }

    /**
     * Ring {@code user}'s phones. Forward-always and do-not-disturb have been applied already: this is the user
     * the call really rings.
     *
     * @param path every extension the call went through to get here, this one last (for loop detection when
     *             the user does not answer and their own forwarding takes over)
     */
    record Extension(User user, ForwardingPath path) implements Destination {
        public Extension {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(path, "path");
        }
    }

    /** The appliance answers the call itself: a service number (mailbox access, a menu, a room). */
    record Application(CallApplication app) implements Destination {
        public Application {
            Objects.requireNonNull(app, "app");
        }

        @Override
        public CallApplication answeringApp() {
            return app;
        }
    }

    /**
     * {@code owner} could not take the call, for {@code reason}, and nobody they forward to either: their mailbox
     * takes it ({@code app}, leaving a message).
     */
    record Mailbox(User owner, Reason reason, CallApplication app) implements Destination {
        public Mailbox {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(app, "app");
        }

        @Override
        public CallApplication answeringApp() {
            return app;
        }
    }

    /**
     * A contact-center queue: the caller is answered by the queue's application ({@code app}), waits there with
     * music and announcements and is offered to the queue's agents.
     */
    record Queue(long queueId, String number, CallApplication app) implements Destination {
        public Queue {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(app, "app");
        }

        @Override
        public CallApplication answeringApp() {
            return app;
        }
    }

    /** Out of the PBX, to the public network through a trunk (an emergency call or a public number). */
    record Outside(OutsideCall call) implements Destination {
        public Outside {
            Objects.requireNonNull(call, "call");
        }
    }

    /** Nowhere to go: the call is refused, for {@code why}. */
    record Rejected(Rejection why) implements Destination {
        public Rejected {
            Objects.requireNonNull(why, "why");
        }
    }
}
