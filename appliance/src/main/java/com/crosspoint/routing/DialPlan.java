package com.crosspoint.routing;

import com.crosspoint.call.ForwardingPolicy;
import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.call.voice.ServiceNumbers;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.trunk.OutsideDialling;
import com.crosspoint.trunk.OutsideDialling.Leaves;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The routing step. A new call is routed once ({@link #route}); when a user it rang could not take it, the same
 * rules say where it goes next ({@link #unanswered}). The order: no relaying to other domains; emergency numbers
 * (out of the PBX before anything else can claim them); the numbers the
 * appliance answers itself (mailbox codes, menus, rooms: {@link ServiceNumbers}, asked in order); the contact
 * center's queues ({@link QueueNumbers}); then the tenant's users, with their forward-always and do-not-disturb applied (busy, unless the user chose voicemail); a
 * user who cannot answer is forwarded as their settings say, else their mailbox takes the call, else it is
 * refused; a number that is none of the tenant's may leave the PBX ({@link OutsideDialling}, which also finds the
 * caller ID). Otherwise reads the in-memory directory only; thread-safe.
 */
public final class DialPlan {
    private final Directory directory;
    private final List<ServiceNumbers> services;
    private final Mailboxes mailboxes;
    private final OutsideDialling outside;
    private final QueueNumbers queues;

    /** A dial plan with no way out of the PBX: only the tenant's own numbers are reached. */
    public DialPlan(Directory directory, List<ServiceNumbers> services, Mailboxes mailboxes) {
        this(directory, services, mailboxes, null);
    }

    /**
     * @param services  asked in order before any user; empty when the appliance answers no calls itself
     * @param mailboxes takes calls users cannot; null when there is no voicemail (the call is refused instead)
     * @param outside   which numbers leave the PBX: emergency numbers before everything, public numbers after the
     *                  tenant's own; null when none do
     */
    public DialPlan(Directory directory, List<ServiceNumbers> services, Mailboxes mailboxes,
                    OutsideDialling outside) {
        this(directory, services, mailboxes, outside, QueueNumbers.NONE);
    }

    /** @param queues the contact center's queue numbers, asked after the service numbers, before the users */
    public DialPlan(Directory directory, List<ServiceNumbers> services, Mailboxes mailboxes,
                    OutsideDialling outside, QueueNumbers queues) {
        this.directory = directory;
        this.services = List.copyOf(services);
        this.mailboxes = mailboxes;
        this.outside = outside;
        this.queues = queues;
    }

    /** Where a new call goes. */
    public Destination route(DialledCall call) {
        return route(call, outside);
    }

    /**
     * Where a call from outside the PBX (through a trunk, to a DID) goes: to the extension the DID names, as a
     * call from a user would, but never back out (a DID naming no extension must not loop to the carrier).
     */
    public Destination routeFromOutside(DialledCall call) {
        return route(call, null);
    }

    private Destination route(DialledCall call, OutsideDialling wayOut) {
        if (call.calledTenantId().isEmpty() || call.calledTenantId().getAsLong() != call.tenant().id()) {
            return new Destination.Rejected(Rejection.RELAYING_DENIED);
        }
        if (wayOut != null && wayOut.emergency(call.caller(), call.number()) instanceof Leaves emergency) {
            return new Destination.Outside(emergency.call());
        }
        for (ServiceNumbers numbers : services) {
            Optional<CallApplication> app = numbers.answer(call.tenant(), call.caller(), call.number());
            if (app.isPresent()) {
                return new Destination.Application(app.get());
            }
        }
        Optional<Destination.Queue> queue = queues.queue(call.tenant(), call.caller(), call.number());
        if (queue.isPresent()) {
            return queue.get();
        }
        Optional<User> user = directory.userByExtension(call.tenant().id(), call.number());
        if (user.isPresent()) {
            return reach(user.get(), ForwardingPath.START, call.caller());
        }
        return wayOut == null ? new Destination.Rejected(Rejection.NO_SUCH_NUMBER)
                : outsideCall(wayOut.outside(call.caller(), call.number()));
    }

    private static Destination outsideCall(OutsideDialling.Decision decision) {
        if (decision instanceof Leaves leaves) {
            return new Destination.Outside(leaves.call());
        }
        if (decision instanceof OutsideDialling.Refused refused) {
            return new Destination.Rejected(switch (refused.why()) {
                case BARRED -> Rejection.BARRED;
                case NO_CALLER_ID -> Rejection.NO_CALLER_ID;
                case NO_TRUNK -> Rejection.NO_ROUTE_OUTSIDE;
            });
        }
        return new Destination.Rejected(Rejection.NO_SUCH_NUMBER);
    }

    /**
     * Where {@code number}, dialled by {@code caller} from inside a call of {@code tenant} (a transfer target),
     * goes: routed as a new call within the tenant.
     */
    public Destination routeWithin(Tenant tenant, User caller, String number) {
        return route(new DialledCall(tenant, caller, number, OptionalLong.of(tenant.id())));
    }

    /** The user of {@code tenantId} with {@code extension}, to ring as they are (a queue's agent). */
    public Optional<User> user(long tenantId, String extension) {
        return directory.userByExtension(tenantId, extension);
    }

    /**
     * Where a call to {@code user} goes after they could not take it for {@code reason}: their forwarding
     * target for that reason (rung as a call to them would be), else their mailbox, else nowhere.
     *
     * @param path   the path that reached {@code user} (from {@link Destination.Extension#path()})
     * @param caller the user calling, for the mailbox's message; null when the caller is no user
     */
    public Destination unanswered(User user, Reason reason, ForwardingPath path, User caller) {
        Optional<User> next = ForwardingPolicy.onFailure(user.settings(), reason)
                .filter(target -> !target.equals(user.extension()))
                .flatMap(target -> directory.userByExtension(user.tenantId(), target));
        if (next.isPresent()) {
            return reach(next.get(), path, caller);
        }
        if (mailboxes != null) {
            return new Destination.Mailbox(user, reason, mailboxes.deposit(user, reason, caller));
        }
        return new Destination.Rejected(Rejection.of(reason));
    }

    /**
     * Where ringing {@code user} leads: to them, or on along their forward-always, or (do-not-disturb) to what
     * takes their calls when they are busy. A forward target that does not exist is ignored: the user rings.
     */
    public Destination reach(User user, ForwardingPath path, User caller) {
        Optional<ForwardingPath> here = path.then(user.extension());
        if (here.isEmpty()) {
            return new Destination.Rejected(Rejection.FORWARDING_LOOP);
        }
        Optional<User> always = ForwardingPolicy.always(user.settings())
                .filter(target -> !target.equals(user.extension()))
                .flatMap(target -> directory.userByExtension(user.tenantId(), target));
        if (always.isPresent()) {
            return reach(always.get(), here.get(), caller);
        }
        if (user.settings().doNotDisturb()) {
            // as busy: the forward-busy target, else busy (486), or the mailbox when the user chose so
            Destination instead = unanswered(user, Reason.BUSY, here.get(), caller);
            return instead instanceof Destination.Mailbox && !user.settings().dndToVoicemail()
                    ? new Destination.Rejected(Rejection.BUSY) : instead;
        }
        return new Destination.Extension(user, here.get());
    }
}
