package com.crosspoint.relay.turn;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ephemeral TURN credentials, the "TURN REST" scheme (draft-uberti-behave-turn-rest): username
 * {@code <expiry unix seconds>:<identity>}, password base64(HMAC-SHA1(secret, username)). The server needs no store:
 * it recomputes the password from the username and its secret, and refuses a username whose expiry has passed.
 * Here the identity is {@code <extension>@<tenant domain>}, the user the credentials were issued to.
 */
public final class RestCredentials {
    private static final String MAC = "HmacSHA1";

    private final SecretKeySpec secret;
    private final Duration ttl;
    private final Clock clock;

    public RestCredentials(byte[] secret, Duration ttl, Clock clock) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("the shared secret must not be empty");
        }
        this.secret = new SecretKeySpec(secret.clone(), MAC);
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Credentials issued to one user: what the API hands out. */
    public record Issued(String username, String password, Instant expires, Duration ttl) {

        @Override
        public String toString() {
            return "Issued[" + username + ", password hidden, expires " + expires + "]";
        }
    }

    public Issued issue(String identity) {
        Instant expires = clock.instant().plus(ttl);
        String username = expires.getEpochSecond() + ":" + identity;
        return new Issued(username, passwordOf(username), expires, ttl);
    }

    /** Whether a username has the scheme's shape; only such usernames are looked up here. */
    public static boolean looksEphemeral(String username) {
        int colon = username.indexOf(':');
        if (colon <= 0 || colon > 12 || colon == username.length() - 1) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            if (!Character.isDigit(username.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The identity an unexpired ephemeral username names; empty when expired or malformed. */
    public Optional<String> identityOf(String username) {
        if (!looksEphemeral(username)) {
            return Optional.empty();
        }
        int colon = username.indexOf(':');
        long expiry = Long.parseLong(username.substring(0, colon));
        if (expiry <= clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(username.substring(colon + 1));
    }

    public String passwordOf(String username) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(secret);
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(MAC + " missing from this runtime", e);
        }
    }
}
