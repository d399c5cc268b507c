package com.crosspoint.registrar;

import com.crosspoint.model.Binding;
import com.crosspoint.nat.ContactAddress;
import com.crosspoint.nat.Endpoint;
import com.crosspoint.nat.FlowToken;
import com.crosspoint.nat.NatAction;
import com.crosspoint.nat.NatFinding;
import com.crosspoint.nat.RegistrationNatDetector;
import com.crosspoint.nat.RegistrationSighting;
import java.util.List;
import java.util.Optional;

/** The registrar's NAT step: what one contact of a REGISTER shows, and what the appliance applies for it. */
final class NatAssessment {
    private final NatPolicy policy;
    private final RegistrarPolicy limits;

    NatAssessment(NatPolicy policy, RegistrarPolicy limits) {
        this.policy = policy;
        this.limits = limits;
    }

    /** The finding for a contact of a REGISTER; {@code previous} is the binding it refreshes, or null. */
    NatFinding examine(RegisterRequest rq, String contact, List<String> path, boolean outbound, Binding previous) {
        Optional<Endpoint> source = Endpoint.parse(rq.source());
        Optional<ContactAddress> address = ContactAddress.parse(contact);
        if (source.isEmpty() || address.isEmpty()) {
            return NatFinding.NONE;
        }
        Optional<Endpoint> previousSource = previous == null ? Optional.empty() : Endpoint.parse(previous.source());
        NatFinding found = RegistrationNatDetector.examine(new RegistrationSighting(rq.transport(), source.get(),
                Endpoint.parse(rq.via()), address.get().endpoint(), previousSource));
        return throughFlow(applied(found, rq.transport(), path, outbound), rq.transport(), rq.source(), rq.local(),
                path);
    }

    /** The finding of a binding restored from the store: no Via and no history, only Contact against source. */
    NatFinding restored(Binding b) {
        Optional<Endpoint> source = Endpoint.parse(b.source());
        Optional<ContactAddress> address = ContactAddress.parse(b.contact());
        if (source.isEmpty() || address.isEmpty()) {
            return NatFinding.NONE;
        }
        NatFinding found = RegistrationNatDetector.examine(new RegistrationSighting(b.transport(), source.get(),
                Optional.empty(), address.get().endpoint(), Optional.empty()));
        return throughFlow(applied(found, b.transport(), b.path(), b.outbound()), b.transport(), b.source(), null,
                b.path());
    }

    /**
     * The finding with the flow the device is reached through, when it is reached through one: behind NAT (the
     * mapping), over TCP or TLS (the connection) or through a Path (the connection from the first proxy); the same
     * rule as the SIP layer's flow table.
     */
    private static NatFinding throughFlow(NatFinding f, String transport, String source, String local,
                                          List<String> path) {
        boolean viaFlow = f.actions().contains(NatAction.FLOW_ROUTING) || !udp(transport) || !path.isEmpty();
        if (!viaFlow) {
            return f;
        }
        return FlowToken.of(transport, source, local).map(f::through).orElse(f);
    }

    /** Seconds to grant: a NATed UDP device gets at most {@code nat.udpExpires}, never less than minExpires. */
    long granted(long requested, NatFinding finding, String transport) {
        long granted = Math.min(requested, limits.maxExpires());
        if (shortExpiry(finding, transport)) {
            granted = Math.min(granted, Math.max(policy.udpExpires(), limits.minExpires()));
        }
        return granted;
    }

    private NatFinding applied(NatFinding found, String transport, List<String> path, boolean outbound) {
        NatFinding f = found;
        if (f.behindNat()) {
            f = f.with(NatAction.FLOW_ROUTING);
        }
        if (shortExpiry(f, transport)) {
            f = f.with(NatAction.SHORT_EXPIRY);
        }
        if (f.behindNat() && udp(transport) && policy.keepaliveSeconds() > 0) {
            f = f.with(NatAction.KEEPALIVE_PINGS);
        }
        if (outbound) {
            f = f.with(NatAction.OUTBOUND_FLOW);
        }
        if (!path.isEmpty()) {
            f = f.with(NatAction.PATH_ROUTE);
        }
        if (policy.anchorAll() || policy.anchorNated() && f.behindNat()) {
            f = f.with(NatAction.ANCHORED);
        }
        return f;
    }

    private boolean shortExpiry(NatFinding f, String transport) {
        return f.behindNat() && udp(transport) && policy.udpExpires() > 0;
    }

    private static boolean udp(String transport) {
        return "udp".equalsIgnoreCase(transport);
    }
}
