package com.crosspoint.sip.b2bua;

import com.crosspoint.billing.OutsideCallGate;
import com.crosspoint.billing.RunningCalls;
import com.crosspoint.call.ActiveCalls;
import com.crosspoint.call.CallControl;
import com.crosspoint.call.CallOrigination;
import com.crosspoint.call.CallRecords;
import com.crosspoint.concurrency.Lanes;
import com.crosspoint.config.SipLimitsConfig;
import com.crosspoint.directory.Directory;
import com.crosspoint.events.BillingEvent;
import com.crosspoint.registrar.Registrar;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.routing.DialPlan;
import com.crosspoint.routing.DialledCall;
import com.crosspoint.sip.DigestGate;
import com.crosspoint.sip.SipDispatcher;
import com.crosspoint.sip.SipMessages;
import com.crosspoint.trunk.TrunkIngress;
import com.crosspoint.trunk.Trunks;
import com.crosspoint.sip.TenantResolver;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javax.sip.message.Request;

/** The call-control half of the PBX: wires the INVITE-dialog handlers and lets the API end calls. */
public final class B2bua implements CallControl, CallOrigination {
    private final SipCallEnvironment env;
    private final Directory directory;
    private final BilledCalls billed;

    /**
     * @param media           for calls whose media the appliance anchors (voice applications, music on hold); null
     *                        for none
     * @param trunks          the routers and gateways outside calls go to (none configured: no outside calls)
     * @param responseTimeout how long a trunk server may stay silent before an outside call moves on
     * @param billing         asked before an outside call goes out ({@link OutsideCallGate#OPEN}: no billing)
     * @param cutOffWarning   how long before a call's allowance runs out its warning event is published
     */
    public B2bua(SipMessages messages, Directory directory, DialPlan dialPlan, Registrar registrar, Lanes lanes,
                 ScheduledExecutorService timers, ActiveCalls active, CallRecords records, Clock clock,
                 MediaServices media, CallAnchoring anchoring, Trunks trunks, Duration responseTimeout,
                 OutsideCallGate billing, Duration cutOffWarning, Consumer<BillingEvent> publish) {
        this.directory = directory;
        this.billed = new BilledCalls();
        this.env = new SipCallEnvironment(messages, dialPlan, registrar, lanes, timers, active, records, clock, media,
                anchoring, trunks.configured() ? new OutsideLines(trunks, responseTimeout,
                new OutsideBilling(billing, cutOffWarning, publish, billed)) : null);
    }

    /** The billed outside calls in progress, which a freeze ends. */
    public RunningCalls billedCalls() {
        return billed;
    }

    /**
     * Registers INVITE, ACK, CANCEL, BYE, REFER, INFO, NOTIFY and UPDATE handling on the dispatcher.
     *
     * @param maxCalls calls of the node; {@code limits} gives each device's and tenant's share
     * @param trunks   recognises calls from the trunk servers to DIDs
     */
    public void install(SipDispatcher dispatcher, TenantResolver tenants, DigestGate gate, int maxCalls,
                        SipLimitsConfig limits, TrunkIngress trunks) {
        InDialogHandler inDialog = new InDialogHandler(env);
        CallLimits shares = new CallLimits(limits.callsPerDevice(), limits.callsPerTenant(),
                id -> env.table().find(id).isPresent());
        dispatcher.on(Request.INVITE, new InviteHandler(env, directory, tenants, gate, inDialog, maxCalls, shares, trunks))
                .on(Request.ACK, inDialog)
                .on(Request.CANCEL, new CancelHandler(env.messages()))
                .on(Request.BYE, inDialog)
                .on(Request.REFER, inDialog)
                .on(Request.INFO, inDialog)
                .on(Request.NOTIFY, inDialog)
                .on(Request.UPDATE, inDialog);
    }

    @Override
    public boolean hangUp(String callId) {
        return env.table().find(callId).map(call -> {
            call.onLane(call::hangUp);
            return true;
        }).orElse(false);
    }

    /** Rings the first user, then dials the second number from their phone as they would (see {@link Origin}). */
    @Override
    public String originate(CallOrigination.Placement request, Progress progress) {
        Optional<Tenant> tenant = directory.tenant(request.tenantId());
        Optional<User> first = tenant.flatMap(t -> env.dialPlan().user(t.id(), request.firstExtension()));
        if (first.isEmpty()) {
            return null;
        }
        String callId = "origin-" + UUID.randomUUID();
        DialledCall dialled = new DialledCall(tenant.get(), first.get(), request.secondNumber(),
                OptionalLong.of(tenant.get().id()));
        Origin origin = new Origin(progress, request.secondInPerson());
        CallEnvironment placed = new OriginEnvironment(env, origin);
        B2buaCall call = new B2buaCall(placed, callId, dialled, 70, origin::standIn);
        env.table().add(call);
        Dialer.Party shown = new Dialer.Party(request.secondNumber(), request.shownAs());
        call.onLane(() -> origin.ringFirst(placed, first.get(), request.ringSeconds(), shown,
                env.dialPlan().route(dialled)));
        return callId;
    }

    public int liveCalls() {
        return env.table().size();
    }

    /** Dialogs whose requests follow the flow they were established on (RFC 5626 §5.3); 0 once every call ended. */
    public int dialogFlows() {
        return env.messages().dialogFlows().size();
    }
}
