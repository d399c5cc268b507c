package com.crosspoint.api;

import com.crosspoint.api.dto.TurnCredentialsDto;
import com.crosspoint.model.User;
import java.util.Optional;

/**
 * Issues ephemeral TURN credentials to a signed-in user (the composition root's, over the TURN server's shared
 * secret); empty when the node runs no TURN server.
 */
@FunctionalInterface
public interface TurnCredentialIssuer {

    Optional<TurnCredentialsDto> issue(User user);
}
