package com.crosspoint.api;

import com.crosspoint.api.dto.PinRequest;
import com.crosspoint.model.User;
import com.crosspoint.provisioning.ProvisioningService;
import com.crosspoint.voicemail.VoicemailService;

/**
 * {@code /api/v1/tenants/{tenantId}/users/{userId}/voicemail/pin}: an admin sets a user's mailbox PIN, for
 * the user who forgot theirs (the PIN is only ever stored as a hash, so it cannot be looked up instead).
 */
final class MailboxAdminHandler implements RouteGroup {
    private static final String PIN = "/api/v1/tenants/{tenantId}/users/{userId}/voicemail/pin";

    private final VoicemailService voicemail;
    private final ProvisioningService provisioning;

    MailboxAdminHandler(VoicemailService voicemail, ProvisioningService provisioning) {
        this.voicemail = voicemail;
        this.provisioning = provisioning;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("PUT", PIN, Access.LOGIN, this::setPin);
    }

    private Reply setPin(ApiRequest rq) throws Exception {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantAdmin(tenantId);
        User user = provisioning.user(tenantId, rq.pathId("userId"));
        voicemail.setPin(user.id(), rq.body(PinRequest.class).pin());
        return Reply.noContent();
    }
}
