package com.crosspoint.billing;

import com.crosspoint.model.Reservation;
import java.util.Objects;

/** What {@link Authoriser#authorise} decided. */
public sealed interface Authorisation {
    /**
     * The call may go ahead for {@code reservation.grantedSeconds()} of talk; the money is held and committed.
     *
     * @param boundBy the budget that set the allowance (funds, or a spend limit): why a call that reaches it is
     *                ended; null when {@code maxReservationSeconds} did
     */
    record Granted(Reservation reservation, Refusal boundBy) implements Authorisation {
        public Granted {
            Objects.requireNonNull(reservation, "reservation");
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
