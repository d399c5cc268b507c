package com.crosspoint.api;

import com.crosspoint.events.Event;
import com.crosspoint.events.MessageEvent;
import com.crosspoint.model.AdminAccount;
import com.crosspoint.model.Role;

/**
 * The account behind a request and what it may do. SUPERADMIN: everything. ADMIN: provisioning and
 * state of its own tenant. OPERATOR: watch registrations and calls and hang calls up, in its tenant
 * or, without one, in every tenant.
 */
record Principal(long accountId, String username, Role role, Long tenantId) {

    static Principal of(AdminAccount a) {
        return new Principal(a.id(), a.username(), a.role(), a.tenantId());
    }

    /** Whether the account sees every tenant rather than one. */
    boolean global() {
        return role == Role.SUPERADMIN || (role == Role.OPERATOR && tenantId == null);
    }

    boolean seesTenant(long id) {
        return global() || (tenantId != null && tenantId == id);
    }

    void requireSuperadmin() {
        if (role != Role.SUPERADMIN) {
            throw ApiException.forbidden("needs a SUPERADMIN login");
        }
    }

    /** Provisioning, CDRs and messages of a tenant. */
    void requireTenantAdmin(long id) {
        if (role == Role.SUPERADMIN || (role == Role.ADMIN && tenantId != null && tenantId == id)) {
            return;
        }
        throw ApiException.forbidden(role == Role.OPERATOR ? "an OPERATOR login may only watch registrations and calls"
                : "no access to tenant " + id);
    }

    /** Registrations, calls and hanging up. */
    void requireTenantView(long id) {
        if (!seesTenant(id)) {
            throw ApiException.forbidden("no access to tenant " + id);
        }
    }

    /** Whether an event goes to this account's event stream; operators get no instant messages. */
    boolean mayWatch(Event e) {
        return seesTenant(e.tenantId()) && !(role == Role.OPERATOR && e instanceof MessageEvent);
    }
}
