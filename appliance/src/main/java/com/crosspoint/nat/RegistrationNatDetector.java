package com.crosspoint.nat;

import com.crosspoint.nat.NatEvidence.Sign;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@link RegistrationSighting} into a {@link NatFinding} (without actions: what to apply is the registrar's
 * policy). The checks follow what Kamailio's {@code nat_uac_test} looks at (private Contact, Via address and port
 * versus the source) and add what only a registrar sees: the mapping of one binding changing between REGISTERs, and
 * messages that a SIP ALG rewrote halfway.
 */
public final class RegistrationNatDetector {

    private RegistrationNatDetector() {
    }

    public static NatFinding examine(RegistrationSighting s) {
        List<NatEvidence> evidence = new ArrayList<>();
        Endpoint src = s.source();
        String t = s.transport();
        Endpoint contact = s.contact();
        HostClass contactClass = HostClass.of(contact.host());
        s.via().filter(v -> !v.sameHost(src)).ifPresent(v -> evidence.add(new NatEvidence(Sign.VIA_ADDRESS_NOT_SOURCE,
                "The REGISTER came from " + src.host() + " while its Via names " + v.host() + ".")));
        // A name cannot be compared with the source without a look-up: it is taken as meant.
        if (!contact.sameHost(src) && contactClass != HostClass.NAME) {
            evidence.add(new NatEvidence(Sign.CONTACT_NOT_SOURCE, "The Contact names " + contact.text(t)
                    + ", the packets come from " + src.text(t) + "."));
            if (contactClass == HostClass.PRIVATE) {
                evidence.add(new NatEvidence(Sign.PRIVATE_CONTACT, "The Contact address " + contact.host()
                        + " is private: it cannot be reached from outside its network."));
            } else if (contactClass == HostClass.LINK_LOCAL) {
                evidence.add(new NatEvidence(Sign.LINK_LOCAL_CONTACT, "The Contact address " + contact.host()
                        + " is link-local: nothing beyond the device's own link reaches it."));
            }
        }
        portNotPreserved(s).ifPresent(evidence::add);
        mappingChanged(s).ifPresent(evidence::add);
        algTellTales(s, evidence);
        return new NatFinding(kindOf(evidence), evidence, List.of());
    }

    /** The device's own port (Via, else Contact) against the source port, when the address was translated. */
    private static Optional<NatEvidence> portNotPreserved(RegistrationSighting s) {
        if (s.stream()) {
            return Optional.empty();
        }
        Endpoint own = s.via().orElse(s.contact());
        Endpoint src = s.source();
        if (own.sameHost(src) || HostClass.of(own.host()) == HostClass.NAME || own.portOr(s.transport()) == src.port()) {
            return Optional.empty();
        }
        return Optional.of(new NatEvidence(Sign.PORT_NOT_PRESERVED, "The NAT mapped the device's port "
                + own.portOr(s.transport()) + " to " + src.port() + ": it does not keep ports, so only the mapping"
                + " the device opened reaches it (symmetric NAT)."));
    }

    /**
     * Only for a device that is behind something (its Contact is not its source): a device reached where it says it
     * is may send each REGISTER from another socket without any NAT being involved.
     */
    private static Optional<NatEvidence> mappingChanged(RegistrationSighting s) {
        Endpoint src = s.source();
        if (s.contact().sameHost(src) || HostClass.of(s.contact().host()) == HostClass.NAME
                || s.previousSource().isEmpty()) {
            return Optional.empty();
        }
        Endpoint prev = s.previousSource().get();
        String what = "The previous REGISTER of this binding came from " + prev.text(s.transport()) + ", this one from "
                + src.text(s.transport());
        if (!prev.sameHost(src)) {
            return Optional.of(new NatEvidence(Sign.ADDRESS_CHANGED, what + ": the device's public address changed."));
        }
        if (!s.stream() && prev.port() != src.port()) {
            return Optional.of(new NatEvidence(Sign.MAPPING_CHANGED, what + ": the NAT mapping changed."));
        }
        return Optional.empty();
    }

    /**
     * A SIP ALG rewrites the addresses it recognises and misses others. Two half-done rewrites are visible: the
     * Contact names the public source while the Via keeps the private address, or the Via names the source exactly
     * while the Contact keeps a private one.
     */
    private static void algTellTales(RegistrationSighting s, List<NatEvidence> evidence) {
        if (s.via().isEmpty()) {
            return;
        }
        Endpoint via = s.via().get();
        Endpoint src = s.source();
        Endpoint contact = s.contact();
        boolean viaPrivate = HostClass.of(via.host()).unroutable() && !via.sameHost(src);
        if (viaPrivate && contact.sameHost(src)) {
            String port = s.stream() || contact.portOr(s.transport()) == src.port() ? ""
                    : " (with port " + contact.portOr(s.transport()) + " while the packets come from port " + src.port()
                    + ")";
            evidence.add(new NatEvidence(Sign.CONTACT_REWRITTEN, "The Contact names the public address " + src.host()
                    + port + " while the Via still names the private " + via.host()
                    + ": a SIP ALG rewrote the Contact."));
        }
        boolean viaIsSource = via.sameHost(src) && (s.stream() || via.portOr(s.transport()) == src.port());
        if (viaIsSource && HostClass.of(contact.host()).unroutable() && !contact.sameHost(src)) {
            evidence.add(new NatEvidence(Sign.VIA_REWRITTEN, "The Via names the source " + src.text(s.transport())
                    + " while the Contact still names the private " + contact.host() + ": a SIP ALG rewrote the Via."));
        }
    }

    private static NatKind kindOf(List<NatEvidence> evidence) {
        NatKind kind = NatKind.NONE;
        for (NatEvidence e : evidence) {
            NatKind k = switch (e.sign()) {
                case CONTACT_REWRITTEN, VIA_REWRITTEN, SDP_REWRITTEN -> NatKind.ALG_SUSPECTED;
                case PORT_NOT_PRESERVED, MAPPING_CHANGED -> NatKind.NAT_PORT_CHANGING;
                default -> NatKind.NAT;
            };
            if (k.ordinal() > kind.ordinal()) {
                kind = k;
            }
        }
        return kind;
    }
}
