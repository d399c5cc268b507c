package com.crosspoint.api;

import com.crosspoint.api.dto.CdrDto;
import com.crosspoint.api.dto.CdrPage;
import com.crosspoint.api.dto.DirectoryEntryDto;
import com.crosspoint.api.dto.MeDto;
import com.crosspoint.api.dto.MyDeviceDto;
import com.crosspoint.api.dto.MyPasswordRequest;
import com.crosspoint.api.dto.RegistrationDto;
import com.crosspoint.api.dto.SettingsDto;
import com.crosspoint.auth.PasswordHasher;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.Binding;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.RatedCall;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.registrar.Registrar;
import com.crosspoint.store.CdrStore;
import com.crosspoint.store.CdrStore.CdrFilter;
import com.crosspoint.store.LedgerStore;
import com.crosspoint.store.UserStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/me}: the end user's own profile, forwarding settings, web password, devices with
 * their registrations, calls (with the price of each outside call they made) and the tenant's directory. Messages are in {@link MyMessagesHandler}.
 */
final class MeHandler implements RouteGroup {
    static final String BASE = "/api/v1/me";

    private final Directory directory;
    private final UserStore users;
    private final UserSettings settings;
    private final Registrar registrar;
    private final RegistrationMapper registrations;
    private final CdrStore cdrs;
    private final LedgerStore ledger;
    private final PasswordLogins passwords;
    private final LoginSessions sessions;

    MeHandler(Directory directory, UserStore users, UserSettings settings, Registrar registrar,
              RegistrationMapper registrations, CdrStore cdrs, LedgerStore ledger, PasswordLogins passwords,
              LoginSessions sessions) {
        this.directory = directory;
        this.users = users;
        this.settings = settings;
        this.registrar = registrar;
        this.registrations = registrations;
        this.cdrs = cdrs;
        this.ledger = ledger;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", BASE, Access.USER, this::me)
                .add("PUT", BASE + "/settings", Access.USER, this::settings)
                .add("PUT", BASE + "/password", Access.USER, this::password)
                .add("GET", BASE + "/devices", Access.USER, this::devices)
                .add("GET", BASE + "/calls", Access.USER, this::calls)
                .add("GET", BASE + "/directory", Access.USER, this::directoryOf);
    }

    /** The user behind an end-user login, as it is now; 401 once the user is gone. */
    static User currentUser(ApiRequest rq, Directory directory, LoginSessions sessions) {
        Principal p = rq.principal();
        return directory.user(p.userId()).filter(u -> u.tenantId() == p.tenantId()).orElseThrow(() -> {
            sessions.close(rq.token());
            return ApiException.unauthorized("this user no longer exists; log in again");
        });
    }

    static Tenant tenantOf(User u, Directory directory) {
        return directory.tenant(u.tenantId()).orElseThrow(() -> ApiException.unauthorized("tenant gone; log in again"));
    }

    private User user(ApiRequest rq) {
        return currentUser(rq, directory, sessions);
    }

    private Reply me(ApiRequest rq) {
        User u = user(rq);
        return Reply.ok(MeDto.of(u, tenantOf(u, directory)));
    }

    private Reply settings(ApiRequest rq) throws Exception {
        User u = user(rq);
        SettingsDto body = rq.body(SettingsDto.class);
        User changed = settings.update(u.tenantId(), u.id(), body);
        return Reply.ok(MeDto.of(changed, tenantOf(changed, directory)));
    }

    /** Needs the current password (403 when wrong); the user's other logins end, this one stays. */
    private Reply password(ApiRequest rq) throws Exception {
        User u = user(rq);
        MyPasswordRequest body = rq.body(MyPasswordRequest.class);
        if (body.currentPassword() == null || body.currentPassword().isEmpty()) {
            throw ApiException.badRequest("currentPassword", "is required");
        }
        String next = body.newPassword();
        if (next == null || next.length() < 8 || next.length() > 128) {
            throw ApiException.badRequest("newPassword", "must be 8 to 128 characters");
        }
        passwords.requireUserPassword(LoginSource.web(rq.remoteAddress()), u.id(), body.currentPassword());
        users.setWebPasswordHash(u.id(), PasswordHasher.hash(next));
        sessions.closeUser(u.id(), rq.token());
        return Reply.noContent();
    }

    private Reply devices(ApiRequest rq) {
        User u = user(rq);
        List<Binding> mine = registrar.list(u.tenantId()).stream().filter(b -> b.userId() == u.id()).toList();
        return Reply.ok(directory.devicesOf(u.id()).stream()
                .map(d -> {
                    List<RegistrationDto> regs = mine.stream().filter(b -> b.deviceId() == d.id())
                            .map(registrations::toDto).toList();
                    return new MyDeviceDto(d.id(), d.sipUsername(), d.createdAt(), !regs.isEmpty(), regs);
                }).toList());
    }

    private Reply calls(ApiRequest rq) {
        User u = user(rq);
        int offset = rq.queryInt("offset", 0, 0, Integer.MAX_VALUE);
        int limit = rq.queryInt("limit", CdrsHandler.DEFAULT_LIMIT, 1, CdrsHandler.MAX_LIMIT);
        CdrFilter filter = new CdrFilter(u.extension(), null, null, null);
        List<CallRecord> page = cdrs.search(u.tenantId(), filter, offset, limit);
        Map<Long, RatedCall> ratings = CdrRatings.of(ledger, page);
        return Reply.ok(new CdrPage(page.stream().map(r -> CdrDto.forUser(r, ratings.get(r.id()), u.id())).toList(),
                cdrs.count(u.tenantId(), filter), offset, limit));
    }

    private Reply directoryOf(ApiRequest rq) {
        User u = user(rq);
        return Reply.ok(users.list(u.tenantId()).stream().filter(o -> o.id() != u.id())
                .sorted(Comparator.comparing(User::extension))
                .map(o -> new DirectoryEntryDto(o.extension(), o.displayName())).toList());
    }
}
