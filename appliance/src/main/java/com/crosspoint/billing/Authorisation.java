package com.crosspoint.billing;

import com.crosspoint.model.Reservation;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** What {@link Authoriser#authorise} decided. */
public sealed interface Authorisation {
    /**
     * The call may go ahead for {@code reservation.grantedSeconds()} of talk; the money is held in memory, and on
     * disk once {@code durable} completes. No money may be spent (the call answered) before it does; when it fails,
     * the money is given back already and the call must not be connected.
     *
     * @param boundBy the budget that set the allowance (funds, or a spend limit): why a call that reaches it is
     *                ended; null when {@code maxReservationSeconds} did
     * @param durable completes when the reservation is committed, or fails with the commit's error
     */
    record Granted(Reservation reservation, Refusal boundBy, CompletableFuture<Void> durable)
            implements Authorisation {
        public Granted {
            Objects.requireNonNull(reservation, "reservation");
            Objects.requireNonNull(durable, "durable");
        }

        /** A reservation committed already. */
        public Granted(Reservation reservation, Refusal boundBy) {
            this(reservation, boundBy, CompletableFuture.completedFuture(null));
        }

        public Granted(Reservation reservation) {
            this(reservation, null);
        }
    }

    /** The call goes ahead unbilled and unlimited: an emergency call, or a tenant without a billing account. */
    record Unbilled(String why) implements Authorisation {
        public Unbilled {
            Objects.requireNonNull(why, "why");
        }
    }

    /** The call must not go ahead. */
    record Refused(Refusal reason, String detail) implements Authorisation {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
