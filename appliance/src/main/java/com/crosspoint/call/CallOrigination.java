package com.crosspoint.call;

/**
 * Calls the appliance places itself (a queue's callback): it rings a user first and, once they answer, dials a
 * second number from that answered phone (another user, or an outside number through the trunk) and bridges the
 * two, media anchored as for any call. No SIP here: the contact center uses this without knowing the B2BUA.
 */
public interface CallOrigination {

    /**
     * Starts {@code placement}; {@code progress} hears how it goes, on the call's lane (keep the work short). Returns
     * the call's id, or null when it could not start (no such tenant or user): then {@code progress} hears nothing.
     */
    String originate(Placement placement, Progress progress);

    /**
     * @param tenantId       the tenant both parties belong to
     * @param firstExtension the user rung first (an agent), without following their forwarding
     * @param ringSeconds    how long the first user rings before the call is given up
     * @param secondNumber   what is dialled from the answered phone, routed as that user dialling it
     * @param shownAs        the name the first user's phone shows as calling (the number shown is
     *                       {@code secondNumber})
     * @param secondInPerson a second user is rung on their phones only: their forwarding and voicemail are not
     *                       followed, so that the call fails unless the person answers (a callback)
     */
    record Placement(long tenantId, String firstExtension, int ringSeconds, String secondNumber, String shownAs,
                     boolean secondInPerson) {
        public Placement {
            if (ringSeconds <= 0) {
                throw new IllegalArgumentException("ringSeconds must be positive: " + ringSeconds);
            }
            if (secondNumber == null || secondNumber.isBlank()) {
                throw new IllegalArgumentException("secondNumber is required");
            }
        }

        /** A placement whose second user's forwarding is followed as for any call. */
        public Placement(long tenantId, String firstExtension, int ringSeconds, String secondNumber, String shownAs) {
            this(tenantId, firstExtension, ringSeconds, secondNumber, shownAs, false);
        }
    }

    /** How an originated call goes; each method at most once, {@link #ended} always last. */
    interface Progress {
        /** The first user answered; the second number is being dialled. */
        default void firstAnswered() {
        }

        /** The second party answered: the two talk. */
        default void connected() {
        }

        /**
         * The call is over: after {@link #connected} when {@code connected} (someone hung up), else it failed with
         * SIP {@code status} (the first user did not answer, or the second number could not be reached).
         */
        void ended(boolean connected, int status);
    }
}
