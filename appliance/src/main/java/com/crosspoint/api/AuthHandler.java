package com.crosspoint.api;

import com.crosspoint.api.dto.LoginRequest;
import com.crosspoint.api.dto.LoginResponse;
import com.crosspoint.model.AdminAccount;

/** {@code /api/v1/auth}: log in with an admin account's name and password for a bearer token, log out. */
final class AuthHandler implements RouteGroup {
    private final PasswordLogins passwords;
    private final LoginSessions sessions;

    AuthHandler(PasswordLogins passwords, LoginSessions sessions) {
        this.passwords = passwords;
        this.sessions = sessions;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("POST", "/api/v1/auth/login", Access.PUBLIC, this::login)
                .add("POST", "/api/v1/auth/logout", Access.LOGIN, this::logout);
    }

    private Reply login(ApiRequest rq) throws Exception {
        LoginSource source = LoginSource.api(rq.remoteAddress());
        passwords.requireNotBlocked(source);
        LoginRequest body = rq.body(LoginRequest.class);
        if (body.username() == null || body.username().isBlank()) {
            throw ApiException.badRequest("username", "is required");
        }
        if (body.password() == null || body.password().isEmpty()) {
            throw ApiException.badRequest("password", "is required");
        }
        AdminAccount account = passwords.admin(source, body.username(), body.password());
        LoginSessions.Login login = sessions.open(Principal.of(account));
        var p = login.principal();
        return Reply.ok(new LoginResponse(login.token(), p.username(), p.role(), p.tenantId(), login.expiresAt()));
    }

    private Reply logout(ApiRequest rq) {
        sessions.close(rq.token());
        return Reply.noContent();
    }
}
