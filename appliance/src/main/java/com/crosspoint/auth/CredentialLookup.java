package com.crosspoint.auth;

import java.util.Optional;

/**
 * Finds the stored HA1 hashes of a digest username in the realm being verified. Exceptions (for
 * example a failing store) propagate out of {@link DigestVerifier#verify}.
 */
@FunctionalInterface
public interface CredentialLookup {

    Optional<StoredCredential> find(String username);
}
