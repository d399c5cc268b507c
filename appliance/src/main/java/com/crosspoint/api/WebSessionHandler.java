package com.crosspoint.api;

import com.crosspoint.api.dto.WebLoginRequest;
import com.crosspoint.api.dto.WebSessionDto;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.User;
import java.util.Locale;

/**
 * {@code /api/v1/web}: browser logins. The token travels in an HttpOnly, SameSite=Strict cookie;
 * the answer carries the CSRF token the page must echo on every state-changing request.
 */
final class WebSessionHandler implements RouteGroup {
    private static final String BASE = "/api/v1/web";

    private final PasswordLogins passwords;
    private final LoginSessions sessions;
    private final Directory directory;

    WebSessionHandler(PasswordLogins passwords, LoginSessions sessions, Directory directory) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.directory = directory;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("POST", BASE + "/login", Access.PUBLIC, this::login)
                .add("GET", BASE + "/session", Access.ANY_LOGIN, this::session)
                .add("POST", BASE + "/logout", Access.ANY_LOGIN, this::logout);
    }

    /** Fields of the other kind are ignored (one login form sends them all, some empty). */
    private Reply login(ApiRequest rq) throws Exception {
        LoginSource source = LoginSource.web(rq.remoteAddress());
        passwords.requireNotBlocked(source);
        WebLoginRequest body = rq.body(WebLoginRequest.class);
        String kind = body.kind() == null ? "" : body.kind().toLowerCase(Locale.ROOT);
        Principal principal;
        switch (kind) {
            case "user" -> {
                require("extension", body.extension());
                requirePassword(body.password());
                principal = Principal.of(passwords.user(source, body.domain(), body.extension(), body.password()));
            }
            case "admin" -> {
                require("username", body.username());
                requirePassword(body.password());
                principal = Principal.of(passwords.admin(source, body.username(), body.password()));
            }
            default -> throw ApiException.badRequest("kind", "must be user or admin");
        }
        LoginSessions.Login login = sessions.open(principal);
        return Reply.ok(dto(login)).withHeader("Set-Cookie", cookie(login.token(), rq.secure(), false));
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field, "is required");
        }
    }

    private static void requirePassword(String password) {
        if (password == null || password.isEmpty()) {
            throw ApiException.badRequest("password", "is required");
        }
    }

    private Reply session(ApiRequest rq) {
        return Reply.ok(dto(rq.login()));
    }

    private Reply logout(ApiRequest rq) {
        sessions.close(rq.token());
        return Reply.noContent().withHeader("Set-Cookie", cookie("", rq.secure(), true));
    }

    private WebSessionDto dto(LoginSessions.Login login) {
        Principal p = login.principal();
        String displayName = p.userId() == null ? null
                : directory.user(p.userId()).map(User::displayName).orElse(null);
        return new WebSessionDto(login.csrfToken(), p.role(), p.username(), p.tenantId(), p.userId(), p.extension(),
                displayName, login.expiresAt());
    }

    /** The session cookie; {@code clear} makes the browser drop it at once. */
    static String cookie(String token, boolean secure, boolean clear) {
        return Authenticator.COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "") + (clear ? "; Max-Age=0" : "");
    }
}
