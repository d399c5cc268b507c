package com.crosspoint.sip.b2bua;

import com.crosspoint.directory.Directory;
import com.crosspoint.model.Device;
import com.crosspoint.model.Did;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.routing.Destination;
import com.crosspoint.routing.DialledCall;
import com.crosspoint.sip.DigestGate;
import com.crosspoint.sip.EdgeRefusals;
import com.crosspoint.sip.Overload;
import com.crosspoint.sip.RequestHandler;
import com.crosspoint.sip.SipMessages;
import com.crosspoint.sip.TenantResolver;
import com.crosspoint.trunk.TrunkIngress;
import gov.nist.javax.sip.message.SIPRequest;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A new INVITE: authenticate the calling device (407), or recognise a trunk server calling a DID, ask the routing
 * step where the call goes, and start the call on its lane. A number that does not exist or is not ours is
 * answered at once and never becomes a call. Re-INVITEs go to {@link InDialogHandler}.
 */
final class InviteHandler implements RequestHandler {
    private final SipCallEnvironment env;
    private final Directory directory;
    private final TenantResolver tenants;
    private final DigestGate gate;
    private final InDialogHandler inDialog;
    private final int maxCalls;
    private final CallLimits limits;
    private final TrunkIngress trunks;

    InviteHandler(SipCallEnvironment env, Directory directory, TenantResolver tenants, DigestGate gate,
                  InDialogHandler inDialog, int maxCalls, CallLimits limits, TrunkIngress trunks) {
        this.env = env;
        this.trunks = trunks;
        this.limits = limits;
        this.directory = directory;
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
        if (env.table().size() >= maxCalls) {
            env.messages().send(st, Overload.response(env.messages(), rq));
            return;
        }
        try {
            env.admit(callId, () -> setUp(rq, st, callId));
        } catch (RejectedExecutionException e) {
            env.messages().send(st, Overload.response(env.messages(), rq));
        }
    }

    private void setUp(Request rq, ServerTransaction st, String callId) {
        SipMessages m = env.messages();
        m.send(st, m.response(rq, Response.TRYING));
        String source = SipMessages.sourceOf(rq);
        int colon = source.lastIndexOf(':');
        if (trunks.fromTrunk(source.substring(0, colon), Integer.parseInt(source.substring(colon + 1)))) {
            setUpFromTrunk(rq, st, callId);
            return;
        }
        SIPRequest sip = (SIPRequest) rq;
        Optional<Tenant> tenant = tenants.resolve(sip.getFrom().getAddress().getURI());
        if (tenant.isEmpty()) {
            // Unknown caller domain: challenge anyway so nothing tells a scanner what exists.
            tenant = directory.defaultTenant();
        }
        if (tenant.isEmpty()) {
            m.send(st, m.response(rq, Response.FORBIDDEN));
            return;
        }
        Optional<Device> device = gate.authenticate(rq, st, tenant.get(), DigestGate.Mode.PROXY);
        if (device.isEmpty()) {
            return;
        }
        Optional<User> caller = directory.user(device.get().userId());
        if (caller.isEmpty()) {
            m.send(st, m.response(rq, Response.FORBIDDEN));
            return;
        }
        if (!(rq.getRequestURI() instanceof SipURI ruri) || ruri.getUser() == null) {
            m.send(st, m.response(rq, Response.NOT_FOUND));
            return;
        }
        OptionalLong calledTenant = tenants.resolve(ruri.getHost()).map(t -> OptionalLong.of(t.id()))
                .orElse(OptionalLong.empty());
        DialledCall dialled = new DialledCall(tenant.get(), caller.get(), ruri.getUser(), calledTenant);
        Destination destination = env.dialPlan().route(dialled);
        if (destination instanceof Destination.Rejected rejected && !rejected.why().endsACall()) {
            Rejections.Refusal refusal = Rejections.refusal(rejected.why(), 0);
            m.send(st, m.response(rq, refusal.status(), refusal.reason()));
            return;
        }
        if (admitted(rq, st, callId, tenant.get(), device.get().id())) {
            start(rq, st, callId, dialled, destination);
        }
    }

    /**
     * A call from a trunk server (its address is its credential) to a DID: it rings the extension the DID names,
     * from the number the carrier presented. A number that is no DID is refused at once (404).
     */
    private void setUpFromTrunk(Request rq, ServerTransaction st, String callId) {
        SipMessages m = env.messages();
        Optional<Did> did = rq.getRequestURI() instanceof SipURI ruri && ruri.getUser() != null
                ? trunks.didFor(ruri.getUser()) : Optional.empty();
        Optional<Tenant> tenant = did.flatMap(d -> directory.tenant(d.tenantId()));
        if (tenant.isEmpty()) {
            m.send(st, m.response(rq, Response.NOT_FOUND));
            return;
        }
        Address from = ((SIPRequest) rq).getFrom().getAddress();
        String number = from.getURI() instanceof SipURI uri ? uri.getUser() : null;
        User caller = TrunkIngress.outsideCaller(tenant.get(), number, from.getDisplayName());
        DialledCall dialled = new DialledCall(tenant.get(), caller, did.get().extension(),
                OptionalLong.of(tenant.get().id()));
        Destination destination = env.dialPlan().routeFromOutside(dialled);
        if (destination instanceof Destination.Rejected rejected && !rejected.why().endsACall()) {
            Rejections.Refusal refusal = Rejections.refusal(rejected.why(), 0);
            m.send(st, m.response(rq, refusal.status(), refusal.reason()));
        } else if (admitted(rq, st, callId, tenant.get(), CallLimits.NO_DEVICE)) {
            start(rq, st, callId, dialled, destination);
        }
    }

    private void start(Request rq, ServerTransaction st, String callId, DialledCall dialled, Destination destination) {
        try {
            MaxForwardsHeader mf = (MaxForwardsHeader) rq.getHeader(MaxForwardsHeader.NAME);
            int maxForwards = mf == null ? 70 : mf.getMaxForwards() - 1;
            B2buaCall call = new B2buaCall(env, callId, dialled, maxForwards,
                    c -> new InboundLeg(env.messages(), c, dialled.caller().extension(), st));
            st.setApplicationData(call); // where a CANCEL finds it
            env.table().add(call);
            call.start(destination);
        } finally {
            limits.settled(callId);
        }
    }

    /** Whether the device and its tenant are within their share of calls; if not, refused: 486, or 503 to retry. */
    private boolean admitted(Request rq, ServerTransaction st, String callId, Tenant tenant, long deviceId) {
        SipMessages m = env.messages();
        switch (limits.admit(callId, tenant.id(), deviceId)) {
            case DEVICE_FULL -> m.send(st, m.refusal(rq, EdgeRefusals.Reason.CALLS_PER_DEVICE, Response.BUSY_HERE, null));
            case TENANT_FULL -> m.send(st, Overload.refusal(m, rq, EdgeRefusals.Reason.CALLS_PER_TENANT));
            case ADMITTED -> {
                return true;
            }
        }
        return false;
    }
}
