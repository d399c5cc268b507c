package com.crosspoint.config;

import java.util.Optional;

/**
 * The administrator account created with a new data directory.
 *
 * @param username account name ({@code admin.username})
 * @param password its initial password, or empty to generate a random one ({@code admin.password})
 */
public record AdminConfig(String username, Optional<String> password) {

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "AdminConfig[username=" + username + ", password=" + Secrets.mask(password.orElse("")) + "]";
    }
}
