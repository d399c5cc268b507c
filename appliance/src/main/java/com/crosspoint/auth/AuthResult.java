package com.crosspoint.auth;

import java.util.List;
import java.util.Objects;

/** The outcome of {@link DigestVerifier#verify}: either the request is authenticated or it gets a challenge. */
public sealed interface AuthResult permits AuthResult.Authenticated, AuthResult.Challenge {

    /**
     * The request carries valid credentials of {@code username}.
     *
     * @param algorithm the algorithm the device used, worth logging while MD5 devices remain
     */
    record Authenticated(String username, DigestAlgorithm algorithm) implements AuthResult {
        public Authenticated {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(algorithm, "algorithm");
        }
    }

    /**
     * Answer with 401 (or 407 for a proxy) carrying {@code challenge.headerValues()}. The
     * {@code reason} is for logs and {@link AuthFailureThrottle} only and must not reach the client.
     */
    record Challenge(AuthFailureReason reason, DigestChallenge challenge) implements AuthResult {
        public Challenge {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(challenge, "challenge");
        }

        /** Whether the challenge says stale=true, i.e. the client may retry without asking the user. */
        public boolean stale() {
            return challenge.stale();
        }

        /** The WWW-Authenticate / Proxy-Authenticate values, most preferred algorithm first. */
        public List<String> headerValues() {
            return challenge.headerValues();
        }
    }
}
