package com.crosspoint.api;

import com.crosspoint.call.CallSnapshot;
import com.crosspoint.events.BillingEvent;
import com.crosspoint.events.AcdEvent;
import com.crosspoint.events.CallEvent;
import com.crosspoint.events.ChatEvent;
import com.crosspoint.events.Event;
import com.crosspoint.events.MessageEvent;
import com.crosspoint.events.ProvisioningEvent;
import com.crosspoint.events.RateDeckImportEvent;
import com.crosspoint.events.RegistrationEvent;
import com.crosspoint.events.VoicemailEvent;
import com.crosspoint.model.AdminAccount;
import com.crosspoint.model.InstantMessage;
import com.crosspoint.model.Role;
import com.crosspoint.model.User;

/**
 * The login behind a request and what it may do. SUPERADMIN: everything. ADMIN: provisioning and
 * state of its own tenant. OPERATOR: watch registrations and calls and hang calls up, in its tenant
 * or, without one, in every tenant; rate-deck imports go to superadmins only. USER: an end user ({@code userId} and {@code extension} set,
 * {@code accountId} 0), only its own things through {@code /api/v1/me}; every admin check refuses it.
 */
record Principal(long accountId, String username, Role role, Long tenantId, Long userId, String extension) {

    static Principal of(AdminAccount a) {
        return new Principal(a.id(), a.username(), a.role(), a.tenantId(), null, null);
    }

    static Principal of(User u) {
        return new Principal(0, u.extension(), Role.USER, u.tenantId(), u.id(), u.extension());
    }

    boolean isUser() {
        return role == Role.USER;
    }

    /** Whether the account sees every tenant rather than one. */
    boolean global() {
        return role == Role.SUPERADMIN || (role == Role.OPERATOR && tenantId == null);
    }

    /** Whether an admin or operator login sees a tenant; never true for end users. */
    boolean seesTenant(long id) {
        return !isUser() && (global() || (tenantId != null && tenantId == id));
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
                : isUser() ? "an end-user login may only use /api/v1/me" : "no access to tenant " + id);
    }

    /** Registrations, calls and hanging up. */
    void requireTenantView(long id) {
        if (!seesTenant(id)) {
            throw ApiException.forbidden(isUser() ? "an end-user login may only use /api/v1/me"
                    : "no access to tenant " + id);
        }
    }

    /**
     * Whether an event goes to this login's event stream: operators get no instant messages, no
     * voicemail and no provisioning changes (which only admins may make); an end user gets only
     * registrations of its own devices, its own calls, its own messages and its own mailbox.
     */
    boolean mayWatch(Event e) {
        if (isUser()) {
            return tenantId != null && e.tenantId() == tenantId && concernsMe(e);
        }
        if (e instanceof ChatEvent) {
            return false; // a chat's events go to its agent; admins read transcripts
        }
        if (e instanceof RateDeckImportEvent) {
            return role == Role.SUPERADMIN; // carriers are the node's: only its superadmins manage them
        }
        return seesTenant(e.tenantId()) && !(role == Role.OPERATOR
                && (e instanceof MessageEvent || e instanceof VoicemailEvent || e instanceof ProvisioningEvent));
    }

    private boolean concernsMe(Event e) {
        if (e instanceof RegistrationEvent r) {
            return userId != null && r.binding().userId() == userId;
        }
        if (e instanceof CallEvent c) {
            return involves(c.call());
        }
        if (e instanceof MessageEvent m) {
            InstantMessage msg = m.message();
            return extension.equals(msg.fromExtension()) || extension.equals(msg.toExtension());
        }
        if (e instanceof VoicemailEvent v) {
            return userId != null && v.voicemail().userId() == userId;
        }
        if (e instanceof BillingEvent b) {
            return userId != null && userId.equals(b.userId()); // their own calls' refusals, costs and cut-offs
        }
        if (e instanceof ChatEvent c) {
            return userId != null && c.agentUserId() == userId;
        }
        if (e instanceof AcdEvent a) {
            return userId != null && a.agent() != null && a.agent().userId() == userId; // their own agent state
        }
        return false;
    }

    /** Whether an end user is caller, callee or the party a call is connected to. */
    boolean involves(CallSnapshot c) {
        return extension != null && (extension.equals(c.caller()) || extension.equals(c.callee())
                || extension.equals(c.connectedTo()));
    }
}
