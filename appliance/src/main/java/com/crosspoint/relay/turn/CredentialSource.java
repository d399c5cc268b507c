package com.crosspoint.relay.turn;

import java.util.Optional;

/** Finds the long-term keys of a TURN username in a realm; empty for a username unknown there. */
@FunctionalInterface
public interface CredentialSource {

    Optional<TurnAccount> find(String username, String realm);
}
