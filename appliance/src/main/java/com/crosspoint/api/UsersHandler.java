package com.crosspoint.api;

import com.crosspoint.api.dto.SettingsDto;
import com.crosspoint.api.dto.UserDto;
import com.crosspoint.api.dto.UserRequest;
import com.crosspoint.auth.PasswordHasher;
import com.crosspoint.model.User;
import com.crosspoint.provisioning.ProvisioningService;
import com.crosspoint.provisioning.ValidationException;
import com.crosspoint.store.UserStore;

/** {@code /api/v1/tenants/{tenantId}/users}: users, their forwarding/DND settings and web password. */
final class UsersHandler implements RouteGroup {
    private static final String BASE = "/api/v1/tenants/{tenantId}/users";
    private static final String SETTINGS_PREFIX = "settings.";
    private static final int MIN_WEB_PASSWORD = 8;

    private final UserStore users;
    private final ProvisioningService provisioning;
    private final LoginSessions sessions;
    private final UserSettings settings;

    UsersHandler(UserStore users, ProvisioningService provisioning, UserSettings settings, LoginSessions sessions) {
        this.settings = settings;
        this.users = users;
        this.provisioning = provisioning;
        this.sessions = sessions;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", BASE, Access.LOGIN, this::list)
                .add("POST", BASE, Access.LOGIN, this::create)
                .add("GET", BASE + "/{userId}", Access.LOGIN, this::get)
                .add("PUT", BASE + "/{userId}", Access.LOGIN, this::update)
                .add("DELETE", BASE + "/{userId}", Access.LOGIN, this::delete)
                .add("PUT", BASE + "/{userId}/settings", Access.LOGIN, this::updateSettings);
    }

    private long tenant(ApiRequest rq) {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantAdmin(tenantId);
        return tenantId;
    }

    /** {@code ?extension=} narrows the list to that user (how the admin CLI finds one). */
    private Reply list(ApiRequest rq) {
        long tenantId = tenant(rq);
        provisioning.tenant(tenantId);
        String extension = rq.query("extension").orElse(null);
        return Reply.ok(users.list(tenantId).stream()
                .filter(u -> extension == null || extension.equals(u.extension()))
                .map(UserDto::of).toList());
    }

    private Reply create(ApiRequest rq) throws Exception {
        long tenantId = tenant(rq);
        UserRequest body = rq.body(UserRequest.class);
        String webHash = webPasswordHash(body.webPassword());
        settings.checkTargets(tenantId, body.settings(), SETTINGS_PREFIX);
        User u = provisioning.createUser(tenantId, body.extension(), body.displayName(), body.email(),
                body.settings() == null ? null : body.settings().toModel());
        if (webHash != null) {
            users.setWebPasswordHash(u.id(), webHash);
        }
        return Reply.created("/api/v1/tenants/" + tenantId + "/users/" + u.id(), UserDto.of(u));
    }

    private Reply get(ApiRequest rq) {
        long tenantId = tenant(rq);
        return Reply.ok(UserDto.of(provisioning.user(tenantId, rq.pathId("userId"))));
    }

    private Reply update(ApiRequest rq) throws Exception {
        long tenantId = tenant(rq);
        long userId = rq.pathId("userId");
        UserRequest body = rq.body(UserRequest.class);
        String webHash = webPasswordHash(body.webPassword());
        settings.checkTargets(tenantId, body.settings(), SETTINGS_PREFIX);
        String oldExtension = provisioning.user(tenantId, userId).extension();
        User u = provisioning.updateUser(tenantId, userId, body.extension(), body.displayName(), body.email(),
                body.settings() == null ? null : body.settings().toModel());
        if (webHash != null) {
            users.setWebPasswordHash(u.id(), webHash);
        }
        // Web logins carry the extension and were opened with the old password: they end.
        if (webHash != null || !oldExtension.equals(u.extension())) {
            sessions.closeUser(u.id(), null);
        }
        return Reply.ok(UserDto.of(u));
    }

    private Reply delete(ApiRequest rq) {
        long tenantId = tenant(rq);
        long userId = rq.pathId("userId");
        provisioning.deleteUser(tenantId, userId);
        sessions.closeUser(userId, null);
        return Reply.noContent();
    }

    private Reply updateSettings(ApiRequest rq) throws Exception {
        long tenantId = tenant(rq);
        long userId = rq.pathId("userId");
        SettingsDto body = rq.body(SettingsDto.class);
        return Reply.ok(UserDto.of(settings.update(tenantId, userId, body)));
    }

    /** Checked before anything is written, so a bad password leaves no half-created user. */
    private static String webPasswordHash(String webPassword) {
        if (webPassword == null) {
            return null;
        }
        if (webPassword.length() < MIN_WEB_PASSWORD || webPassword.length() > 128) {
            throw new ValidationException("webPassword", "must be 8 to 128 characters");
        }
        return PasswordHasher.hash(webPassword);
    }
}
