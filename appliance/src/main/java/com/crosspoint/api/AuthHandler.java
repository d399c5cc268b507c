package com.crosspoint.api;

import com.crosspoint.api.dto.LoginRequest;
import com.crosspoint.api.dto.LoginResponse;
import com.crosspoint.auth.AuthFailureReason;
import com.crosspoint.auth.AuthFailureThrottle;
import com.crosspoint.auth.PasswordHasher;
import com.crosspoint.model.AdminAccount;
import com.crosspoint.store.AdminStore;
import java.util.Map;
import java.util.Optional;

/** {@code /api/v1/auth}: log in with an admin account's name and password, log out. */
final class AuthHandler implements RouteGroup {
    /** Verified when the account does not exist, so a wrong name costs the same time as a wrong password. */
    private static final String DUMMY_HASH = PasswordHasher.hash("no such account");

    private final AdminStore admins;
    private final LoginSessions sessions;
    private final AuthFailureThrottle throttle;
    private final long blockSeconds;

    AuthHandler(AdminStore admins, LoginSessions sessions, AuthFailureThrottle throttle, long blockSeconds) {
        this.admins = admins;
        this.sessions = sessions;
        this.throttle = throttle;
        this.blockSeconds = blockSeconds;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("POST", "/api/v1/auth/login", Access.PUBLIC, this::login)
                .add("POST", "/api/v1/auth/logout", Access.LOGIN, this::logout);
    }

    private Reply login(ApiRequest rq) throws Exception {
        String source = rq.remoteAddress();
        if (throttle.isBlocked(source)) {
            return tooMany();
        }
        LoginRequest body = rq.body(LoginRequest.class);
        if (body.username() == null || body.username().isBlank()) {
            throw ApiException.badRequest("username", "is required");
        }
        if (body.password() == null || body.password().isEmpty()) {
            throw ApiException.badRequest("password", "is required");
        }
        Optional<AdminAccount> account = admins.findByUsername(body.username().trim());
        boolean ok = PasswordHasher.verify(body.password(), account.map(AdminAccount::passwordHash).orElse(DUMMY_HASH))
                && account.isPresent();
        if (!ok) {
            boolean blocked = throttle.recordFailure(source,
                    account.isPresent() ? AuthFailureReason.BAD_RESPONSE : AuthFailureReason.UNKNOWN_USER);
            if (blocked) {
                return tooMany();
            }
            throw ApiException.unauthorized("wrong username or password");
        }
        LoginSessions.Login login = sessions.open(Principal.of(account.get()));
        var p = login.principal();
        return Reply.ok(new LoginResponse(login.token(), p.username(), p.role(), p.tenantId(), login.expiresAt()));
    }

    private Reply tooMany() {
        Reply r = ErrorMapper.reply(429, "too many failed logins from this address; try again later", null);
        return new Reply(r.status(), r.body(), Map.of("Retry-After", Long.toString(blockSeconds)));
    }

    private Reply logout(ApiRequest rq) {
        sessions.close(rq.token());
        return Reply.noContent();
    }
}
