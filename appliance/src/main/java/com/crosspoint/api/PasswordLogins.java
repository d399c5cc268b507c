package com.crosspoint.api;

import com.crosspoint.auth.AuthFailureReason;
import com.crosspoint.auth.AuthFailureThrottle;
import com.crosspoint.auth.PasswordHasher;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.AdminAccount;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.store.AdminStore;
import com.crosspoint.store.UserStore;
import java.util.Map;
import java.util.Optional;

/**
 * Password checks of the login endpoints, with the failure throttle they share. An unknown account,
 * extension or domain is verified against a dummy hash, so it costs the same time and gets the
 * same answer as a wrong password.
 */
final class PasswordLogins {
    private static final String DUMMY_HASH = PasswordHasher.hash("no such account");

    private final AdminStore admins;
    private final UserStore users;
    private final Directory directory;
    private final AuthFailureThrottle throttle;
    private final long blockSeconds;

    PasswordLogins(AdminStore admins, UserStore users, Directory directory, AuthFailureThrottle throttle,
                   long blockSeconds) {
        this.admins = admins;
        this.users = users;
        this.directory = directory;
        this.throttle = throttle;
        this.blockSeconds = blockSeconds;
    }

    /** 429 with Retry-After when the source address is blocked. */
    void requireNotBlocked(String source) {
        if (throttle.isBlocked(source)) {
            throw tooMany();
        }
    }

    /** The admin account when name and password match; else counts the failure (429 once blocked) and throws 401. */
    AdminAccount admin(String source, String username, String password) {
        Optional<AdminAccount> account = admins.findByUsername(username.trim());
        boolean ok = PasswordHasher.verify(password, account.map(AdminAccount::passwordHash).orElse(DUMMY_HASH))
                && account.isPresent();
        if (!ok) {
            fail(source, account.isPresent(), "wrong username or password");
        }
        return account.get();
    }

    /**
     * The user when extension and web password match, in the tenant of {@code domain} (null: the
     * node's default tenant); else counts the failure and throws 401.
     */
    User user(String source, String domain, String extension, String password) {
        Optional<Tenant> tenant = domain == null || domain.isBlank() ? directory.defaultTenant()
                : directory.tenantByDomain(domain.trim());
        Optional<User> user = tenant.flatMap(t -> directory.userByExtension(t.id(), extension.trim()));
        // A user without a web password cannot log in on the web, and looks like an unknown one.
        Optional<String> stored = user.flatMap(u -> users.webPasswordHash(u.id()));
        boolean ok = PasswordHasher.verify(password, stored.orElse(DUMMY_HASH)) && stored.isPresent();
        if (!ok) {
            fail(source, user.isPresent(), "wrong extension or password");
        }
        return user.get();
    }

    /** Checks the current web password of a logged-in user (password change); 403 when wrong. */
    void requireUserPassword(String source, long userId, String password) {
        requireNotBlocked(source);
        Optional<String> stored = users.webPasswordHash(userId);
        if (!PasswordHasher.verify(password, stored.orElse(DUMMY_HASH)) || stored.isEmpty()) {
            if (throttle.recordFailure(source, AuthFailureReason.BAD_RESPONSE)) {
                throw tooMany();
            }
            throw new ApiException(403, "current password is wrong", "currentPassword");
        }
    }

    private void fail(String source, boolean known, String message) {
        if (throttle.recordFailure(source, known ? AuthFailureReason.BAD_RESPONSE : AuthFailureReason.UNKNOWN_USER)) {
            throw tooMany();
        }
        throw ApiException.unauthorized(message);
    }

    private TooManyLogins tooMany() {
        return new TooManyLogins(blockSeconds);
    }

    /** 429 with its Retry-After header. */
    static final class TooManyLogins extends RuntimeException {
        private final long retryAfterSeconds;

        TooManyLogins(long retryAfterSeconds) {
            super("too many failed logins from this address; try again later", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        Reply reply() {
            Reply r = ErrorMapper.reply(429, getMessage(), null);
            return new Reply(r.status(), r.body(), Map.of("Retry-After", Long.toString(retryAfterSeconds)));
        }
    }
}
