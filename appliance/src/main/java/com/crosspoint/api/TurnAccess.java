package com.crosspoint.api;

import com.crosspoint.api.dto.TurnCredentialsDto;
import com.crosspoint.api.dto.TurnStatusDto;
import com.crosspoint.model.User;
import java.util.Optional;

/**
 * What the API may ask of the node's STUN/TURN server (the composition root implements it over the server): both
 * answers are empty when the node runs none.
 */
public interface TurnAccess {

    /** A node without a TURN server. */
    TurnAccess NONE = new TurnAccess() {
        @Override
        public Optional<TurnCredentialsDto> issue(User user) {
            return Optional.empty();
        }

        @Override
        public Optional<TurnStatusDto> status() {
            return Optional.empty();
        }
    };

    /** Fresh ephemeral credentials for a signed-in user. */
    Optional<TurnCredentialsDto> issue(User user);

    /** The server's counters since it started. */
    Optional<TurnStatusDto> status();
}
