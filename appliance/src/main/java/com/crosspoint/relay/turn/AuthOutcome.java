package com.crosspoint.relay.turn;

import com.crosspoint.relay.stun.ErrorCode;

/** What the long-term credential check made of a request. */
public sealed interface AuthOutcome {

    /**
     * The request proved the key: answers to it carry integrity with the same key and attribute.
     *
     * @param username      the USERNAME it used (an allocation's later requests must use the same, else 441)
     * @param integrityType the integrity attribute the request used, which the answer uses too
     */
    record Authenticated(TurnAccount account, String username, String realm, byte[] key, int integrityType)
            implements AuthOutcome {

        @Override
        public String toString() {
            return "Authenticated[" + account.user() + "]";
        }
    }

    /** Refused: answered with {@code error}, and a fresh REALM and NONCE when {@code challenge}. */
    record Refused(ErrorCode error, boolean challenge) implements AuthOutcome {
    }
}
