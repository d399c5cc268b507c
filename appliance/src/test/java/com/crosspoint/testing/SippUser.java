package com.crosspoint.testing;

import java.util.Objects;

/**
 * One line of the CSV that {@link SippRunner} injects into scenarios: {@code [field0]} = user,
 * {@code [field1]} = the {@code [authentication ...]} keyword SIPp expands after a 401/407 challenge,
 * {@code [field2]} = callee (empty for REGISTER-only scenarios).
 */
public record SippUser(String user, String authUser, String password, String callee) {

    public SippUser {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(authUser, "authUser");
        Objects.requireNonNull(password, "password");
        callee = callee == null ? "" : callee;
        for (String field : new String[] {user, authUser, password, callee}) {
            if (field.contains(";") || field.contains(" ") || field.contains("]")) {
                throw new IllegalArgumentException("SIPp CSV fields cannot contain ';', ' ' or ']': " + field);
            }
        }
    }

    /** A registering user whose digest user name equals its user part. */
    public static SippUser of(String user, String password) {
        return new SippUser(user, user, password, "");
    }

    /** A caller authenticating as itself and calling {@code callee}. */
    public static SippUser caller(String user, String password, String callee) {
        return new SippUser(user, user, password, callee);
    }

    String csvLine() {
        return user + ";[authentication username=" + authUser + " password=" + password + "];" + callee;
    }
}
