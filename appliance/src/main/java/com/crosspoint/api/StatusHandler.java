package com.crosspoint.api;

import com.crosspoint.api.dto.StatusDto;
import com.crosspoint.call.ActiveCalls;
import com.crosspoint.call.CallSnapshot;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.Binding;
import com.crosspoint.model.Tenant;
import com.crosspoint.registrar.Registrar;
import com.crosspoint.store.CdrStore;
import com.crosspoint.store.CdrStore.CdrFilter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/status} (any login): registered devices, calls in progress and calls today
 * over the tenants the login sees; for an end user, its own devices and calls. "Today" starts at
 * local midnight in the zone of the node's clock. {@code ?tenantId=} narrows a login that sees
 * several tenants to one (the admin dashboard's selected tenant).
 */
final class StatusHandler implements RouteGroup {
    private final Directory directory;
    private final Registrar registrar;
    private final ActiveCalls calls;
    private final CdrStore cdrs;
    private final Clock clock;

    StatusHandler(Directory directory, Registrar registrar, ActiveCalls calls, CdrStore cdrs, Clock clock) {
        this.directory = directory;
        this.registrar = registrar;
        this.calls = calls;
        this.cdrs = cdrs;
        this.clock = clock;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", "/api/v1/status", Access.ANY_LOGIN, this::status);
    }

    private Reply status(ApiRequest rq) {
        Principal p = rq.principal();
        Instant now = clock.instant();
        Instant midnight = LocalDate.ofInstant(now, clock.getZone()).atStartOfDay(clock.getZone()).toInstant();
        List<Long> tenants = p.isUser() || !p.global() ? (p.tenantId() == null ? List.of() : List.of(p.tenantId()))
                : directory.tenants().stream().map(Tenant::id).toList();
        Long only = rq.queryId("tenantId");
        if (only != null) {
            if (!tenants.contains(only)) {
                throw ApiException.forbidden("no access to tenant " + only);
            }
            tenants = List.of(only);
        }
        String party = p.isUser() ? p.extension() : null;
        int devices = 0;
        int active = 0;
        long today = 0;
        for (long t : tenants) {
            devices += (int) registrar.list(t).stream().filter(b -> !p.isUser() || b.userId() == p.userId())
                    .mapToLong(Binding::deviceId).distinct().count();
            List<CallSnapshot> live = calls.list(t).stream().filter(c -> !p.isUser() || p.involves(c)).toList();
            active += live.size();
            today += cdrs.count(t, new CdrFilter(party, null, midnight, null));
        }
        return Reply.ok(new StatusDto(devices, active, today + active, now));
    }
}
