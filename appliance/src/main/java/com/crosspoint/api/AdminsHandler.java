package com.crosspoint.api;

import com.crosspoint.api.dto.AdminDto;
import com.crosspoint.api.dto.AdminRequest;
import com.crosspoint.api.dto.AdminPasswordRequest;
import com.crosspoint.auth.PasswordHasher;
import com.crosspoint.model.AdminAccount;
import com.crosspoint.model.Role;
import com.crosspoint.provisioning.ValidationException;
import com.crosspoint.store.AdminStore;
import com.crosspoint.store.TenantStore;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/admins}: API accounts. A SUPERADMIN manages them; any account may change its own
 * password. A password change or deletion ends the account's logins.
 */
final class AdminsHandler implements RouteGroup {
    private static final String BASE = "/api/v1/admins";
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9._@-]{1,64}$");

    private final AdminStore admins;
    private final TenantStore tenants;
    private final LoginSessions sessions;
    private final PasswordLogins passwords;

    AdminsHandler(AdminStore admins, TenantStore tenants, LoginSessions sessions, PasswordLogins passwords) {
        this.passwords = passwords;
        this.admins = admins;
        this.tenants = tenants;
        this.sessions = sessions;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", BASE, Access.LOGIN, this::list)
                .add("POST", BASE, Access.LOGIN, this::create)
                .add("DELETE", BASE + "/{adminId}", Access.LOGIN, this::delete)
                .add("PUT", BASE + "/{adminId}/password", Access.LOGIN, this::setPassword);
    }

    private Reply list(ApiRequest rq) {
        rq.principal().requireSuperadmin();
        return Reply.ok(admins.list().stream().map(AdminDto::of).toList());
    }

    private Reply create(ApiRequest rq) throws Exception {
        rq.principal().requireSuperadmin();
        AdminRequest body = rq.body(AdminRequest.class);
        if (body.username() == null || !USERNAME.matcher(body.username()).matches()) {
            throw new ValidationException("username", "letters, digits, '.', '_', '@' and '-' only, 1-64 characters");
        }
        requirePassword(body.password());
        if (body.role() == null) {
            throw new ValidationException("role", "is required");
        }
        if (body.role() == Role.USER) {
            throw new ValidationException("role", "USER is an end user's web login, not an account; "
                    + "set the user's webPassword instead");
        }
        Long tenantId = body.tenantId();
        if (body.role() == Role.SUPERADMIN && tenantId != null) {
            throw new ValidationException("tenantId", "a SUPERADMIN belongs to no tenant");
        }
        if (body.role() == Role.ADMIN && tenantId == null) {
            throw new ValidationException("tenantId", "is required for an ADMIN");
        }
        if (tenantId != null && tenants.find(tenantId).isEmpty()) {
            throw new ValidationException("tenantId", "no tenant " + tenantId);
        }
        AdminAccount a = admins.create(body.username(), PasswordHasher.hash(body.password()), body.role(), tenantId);
        return Reply.created(BASE + "/" + a.id(), AdminDto.of(a));
    }

    private Reply delete(ApiRequest rq) {
        rq.principal().requireSuperadmin();
        long id = rq.pathId("adminId");
        if (id == rq.principal().accountId()) {
            throw ApiException.conflict("adminId", "an account cannot delete itself");
        }
        if (!admins.delete(id)) {
            throw ApiException.notFound("no admin account " + id);
        }
        sessions.closeAccount(id);
        return Reply.noContent();
    }

    private Reply setPassword(ApiRequest rq) throws Exception {
        long id = rq.pathId("adminId");
        if (id != rq.principal().accountId()) {
            rq.principal().requireSuperadmin();
        }
        AdminPasswordRequest body = rq.body(AdminPasswordRequest.class);
        requirePassword(body.password());
        if (admins.list().stream().noneMatch(a -> a.id() == id)) {
            throw ApiException.notFound("no admin account " + id);
        }
        if (id == rq.principal().accountId()) {
            if (body.currentPassword() == null || body.currentPassword().isEmpty()) {
                throw new ValidationException("currentPassword", "is required to change your own password");
            }
            passwords.requireAdminPassword(LoginSource.web(rq.remoteAddress()), rq.principal().username(),
                    body.currentPassword());
        }
        admins.updatePasswordHash(id, PasswordHasher.hash(body.password()));
        sessions.closeAccount(id);
        return Reply.noContent();
    }

    private static void requirePassword(String password) {
        if (password == null || password.length() < 8 || password.length() > 128) {
            throw new ValidationException("password", "must be 8 to 128 characters");
        }
    }
}
