package com.crosspoint.model;

import java.util.Objects;

/**
 * Digest credentials the appliance presents to a carrier as a client. The password is kept as it is:
 * a client must compute responses for whatever realm and nonce the carrier sends.
 */
public record CarrierCredentials(String username, String password) {
    public CarrierCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "CarrierCredentials[username=" + username + ", password=***]";
    }
}
