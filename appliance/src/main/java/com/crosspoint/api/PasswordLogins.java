package com.crosspoint.api;

import com.crosspoint.auth.AccountFailureBudget;
import com.crosspoint.auth.AuthFailureReason;
import com.crosspoint.auth.AuthFailureThrottle;
import com.crosspoint.auth.PasswordHasher;
import com.crosspoint.directory.Directory;
import com.crosspoint.events.AccountBackOffEvent;
import com.crosspoint.events.Event;
import com.crosspoint.model.AdminAccount;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.store.AdminStore;
import com.crosspoint.store.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password checks of the login endpoints, with the two budgets they share: failures per source address
 * ({@link AuthFailureThrottle}) and per account ({@link AccountFailureBudget}, which lets the owner's known
 * addresses through). An unknown account, extension or domain is verified against a dummy hash, so it costs
 * the same time and gets the same answer as a wrong password; its budget is kept the same way.
 */
final class PasswordLogins {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordLogins.class);
    private static final String DUMMY_HASH = PasswordHasher.hash("no such account");

    private final AdminStore admins;
    private final UserStore users;
    private final Directory directory;
    private final AuthFailureThrottle throttle;
    private final AccountFailureBudget accounts;
    private final Duration block;
    private final Consumer<Event> publish;
    private final Clock clock;

    PasswordLogins(AdminStore admins, UserStore users, Directory directory, AuthFailureThrottle throttle,
                   AccountFailureBudget accounts, Duration block, Consumer<Event> publish, Clock clock) {
        this.admins = admins;
        this.users = users;
        this.directory = directory;
        this.throttle = throttle;
        this.accounts = accounts;
        this.block = block;
        this.publish = publish;
        this.clock = clock;
    }

    /** 429 with Retry-After when the source address is blocked. */
    void requireNotBlocked(LoginSource source) {
        if (throttle.isBlocked(source.throttleKey())) {
            throw TooManyLogins.fromAddress(block);
        }
    }

    /** The admin account when name and password match; else counts the failure (429 once blocked) and throws 401. */
    AdminAccount admin(LoginSource source, String username, String password) {
        String name = username.trim();
        Attempt attempt = new Attempt(source, "admin:" + name, name);
        attempt.requireOpen();
        Optional<AdminAccount> account = admins.findByUsername(name);
        boolean ok = PasswordHasher.verify(password, account.map(AdminAccount::passwordHash).orElse(DUMMY_HASH))
                && account.isPresent();
        if (!ok) {
            attempt.fail(account.isPresent(), account.map(AdminAccount::tenantId).orElse(null),
                    "wrong username or password");
        }
        attempt.succeeded();
        return account.get();
    }

    /**
     * The user when extension and web password match, in the tenant of {@code domain} (null: the
     * node's default tenant); else counts the failure and throws 401.
     */
    User user(LoginSource source, String domain, String extension, String password) {
        Optional<Tenant> tenant = domain == null || domain.isBlank() ? directory.defaultTenant()
                : directory.tenantByDomain(domain.trim());
        String ext = extension.trim();
        Attempt attempt = new Attempt(source, "user:" + tenant.map(t -> Long.toString(t.id())).orElse("?") + ":" + ext,
                ext);
        attempt.requireOpen();
        Optional<User> user = tenant.flatMap(t -> directory.userByExtension(t.id(), ext));
        // A user without a web password cannot log in on the web, and looks like an unknown one.
        Optional<String> stored = user.flatMap(u -> users.webPasswordHash(u.id()));
        boolean ok = PasswordHasher.verify(password, stored.orElse(DUMMY_HASH)) && stored.isPresent();
        if (!ok) {
            attempt.fail(user.isPresent(), tenant.map(Tenant::id).orElse(null), "wrong extension or password");
        }
        attempt.succeeded();
        return user.get();
    }

    /** Checks the current web password of a logged-in user (password change); 403 when wrong. */
    void requireUserPassword(LoginSource source, long userId, String password) {
        requireCurrent(source, users.webPasswordHash(userId), password);
    }

    /** Checks the current password of a logged-in admin account (its own password change); 403 when wrong. */
    void requireAdminPassword(LoginSource source, String username, String password) {
        requireCurrent(source, admins.findByUsername(username).map(AdminAccount::passwordHash), password);
    }

    /** A wrong current password counts against the address like a failed login. */
    private void requireCurrent(LoginSource source, Optional<String> stored, String password) {
        requireNotBlocked(source);
        if (!PasswordHasher.verify(password, stored.orElse(DUMMY_HASH)) || stored.isEmpty()) {
            if (throttle.recordFailure(source.throttleKey(), AuthFailureReason.BAD_RESPONSE)) {
                throw TooManyLogins.fromAddress(block);
            }
            throw new ApiException(403, "current password is wrong", "currentPassword");
        }
    }

    /** One password check of one account from one address. */
    private final class Attempt {
        private final LoginSource source;
        private final String key;
        private final String account;

        Attempt(LoginSource source, String key, String account) {
            this.source = source;
            this.key = key;
            this.account = account;
        }

        /** 429 while the account backs off, unless this address already logged in to it. */
        void requireOpen() {
            Duration closed = accounts.refusedFor(key, source.address());
            if (!closed.isZero()) {
                throw TooManyLogins.forAccount(closed);
            }
        }

        /** Counts the failure; a back-off it starts is logged and, for an account that exists, told to the admins. */
        void fail(boolean known, Long tenantId, String message) {
            accounts.recordFailure(key, source.address()).ifPresent(b -> {
                LOG.warn("web account {} backs off for {} s: {} failed logins from {} addresses", account,
                        b.duration().toSeconds(), b.failures(), b.sources());
                if (known) {
                    publish.accept(new AccountBackOffEvent(tenantId == null ? 0 : tenantId, "web", account,
                            b.failures(), b.sources(), b.duration(), b.until(), clock.instant()));
                }
            });
            if (throttle.recordFailure(source.throttleKey(),
                    known ? AuthFailureReason.BAD_RESPONSE : AuthFailureReason.UNKNOWN_USER)) {
                throw TooManyLogins.fromAddress(block);
            }
            throw ApiException.unauthorized(message);
        }

        void succeeded() {
            accounts.recordSuccess(key, source.address());
        }
    }
}
