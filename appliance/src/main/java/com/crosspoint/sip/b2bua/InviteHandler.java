package com.crosspoint.sip.b2bua;

import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.call.voice.ServiceNumbers;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.Device;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.sip.DigestGate;
import com.crosspoint.sip.Overload;
import com.crosspoint.sip.RequestHandler;
import com.crosspoint.sip.SipMessages;
import com.crosspoint.sip.TenantResolver;
import gov.nist.javax.sip.message.SIPRequest;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A new INVITE: authenticate the calling device (407), find the callee in the caller's tenant,
 * and start a call on its lane. Service numbers (mailbox codes, conference rooms, menus) are answered
 * by the appliance itself, before any user look-up. Re-INVITEs go to {@link InDialogHandler}.
 */
final class InviteHandler implements RequestHandler {
    private final B2buaContext ctx;
    private final TenantResolver tenants;
    private final DigestGate gate;
    private final InDialogHandler inDialog;
    private final int maxCalls;

    InviteHandler(B2buaContext ctx, TenantResolver tenants, DigestGate gate, InDialogHandler inDialog, int maxCalls) {
        this.ctx = ctx;
        this.tenants = tenants;
        this.gate = gate;
        this.inDialog = inDialog;
        this.maxCalls = maxCalls;
    }

    @Override
    public void handle(RequestEvent event, ServerTransaction st) {
        Request rq = event.getRequest();
        if (((SIPRequest) rq).getToTag() != null) {
            inDialog.handle(event, st);
            return;
        }
        String callId = ((SIPRequest) rq).getCallId().getCallId();
        if (ctx.table().size() >= maxCalls) {
            ctx.messages().send(st, Overload.response(ctx.messages(), rq));
            return;
        }
        try {
            ctx.lanes().execute(callId, () -> setUp(rq, st, callId));
        } catch (RejectedExecutionException e) {
            ctx.messages().send(st, Overload.response(ctx.messages(), rq));
        }
    }

    private void setUp(Request rq, ServerTransaction st, String callId) {
        SipMessages m = ctx.messages();
        m.send(st, m.response(rq, Response.TRYING));
        SIPRequest sip = (SIPRequest) rq;
        Optional<Tenant> tenant = tenants.resolve(sip.getFrom().getAddress().getURI());
        if (tenant.isEmpty()) {
            // Unknown caller domain: challenge anyway so nothing tells a scanner what exists.
            tenant = ctx.directory().defaultTenant();
        }
        if (tenant.isEmpty()) {
            m.send(st, m.response(rq, Response.FORBIDDEN));
            return;
        }
        Optional<Device> device = gate.authenticate(rq, st, tenant.get(), DigestGate.Mode.PROXY);
        if (device.isEmpty()) {
            return;
        }
        Directory dir = ctx.directory();
        Optional<User> caller = dir.user(device.get().userId());
        if (caller.isEmpty()) {
            m.send(st, m.response(rq, Response.FORBIDDEN));
            return;
        }
        if (!(rq.getRequestURI() instanceof SipURI ruri) || ruri.getUser() == null) {
            m.send(st, m.response(rq, Response.NOT_FOUND));
            return;
        }
        // No open relay: the dialled number must be in the caller's own tenant.
        Optional<Tenant> calleeTenant = tenants.resolve(ruri.getHost());
        if (calleeTenant.isEmpty() || calleeTenant.get().id() != tenant.get().id()) {
            m.send(st, m.response(rq, Response.FORBIDDEN, "Relaying denied"));
            return;
        }
        MaxForwardsHeader mf = (MaxForwardsHeader) rq.getHeader(MaxForwardsHeader.NAME);
        int maxForwards = mf == null ? 70 : mf.getMaxForwards() - 1;
        Optional<CallApplication> service = serviceFor(tenant.get(), caller.get(), ruri.getUser());
        if (service.isPresent()) {
            B2buaCall call = new B2buaCall(ctx, callId, tenant.get(), caller.get(), ruri.getUser(), st, maxForwards);
            ctx.table().add(call);
            call.startApplication(service.get());
            return;
        }
        Optional<User> callee = dir.userByExtension(tenant.get().id(), ruri.getUser());
        if (callee.isEmpty()) {
            m.send(st, m.response(rq, Response.NOT_FOUND));
            return;
        }
        B2buaCall call = new B2buaCall(ctx, callId, tenant.get(), caller.get(), ruri.getUser(), st, maxForwards);
        ctx.table().add(call);
        call.start(callee.get());
    }

    /** The first service number (mailbox code, conference room, menu) that answers {@code dialled}. */
    private Optional<CallApplication> serviceFor(Tenant tenant, User caller, String dialled) {
        if (ctx.media() == null) {
            return Optional.empty();
        }
        for (ServiceNumbers numbers : ctx.media().numbers()) {
            Optional<CallApplication> app = numbers.answer(tenant, caller, dialled);
            if (app.isPresent()) {
                return app;
            }
        }
        return Optional.empty();
    }
}
