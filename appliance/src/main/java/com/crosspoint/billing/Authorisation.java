package com.crosspoint.billing;

import com.crosspoint.model.Reservation;
import java.util.Objects;

/** What {@link Authoriser#authorise} decided. */
public sealed interface Authorisation {
    /** The call may go ahead for {@code reservation.grantedSeconds()} of talk; the money is held and committed. */
    record Granted(Reservation reservation) implements Authorisation {
        public Granted {
            Objects.requireNonNull(reservation, "reservation");
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
