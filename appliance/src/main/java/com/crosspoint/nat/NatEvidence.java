package com.crosspoint.nat;

import java.util.Objects;

/**
 * One thing that was seen, with its sign (for code and filters) and plain words (for people).
 *
 * @param sign what kind of observation this is
 * @param text one sentence naming the addresses involved
 */
public record NatEvidence(Sign sign, String text) {

    /** The observations a finding can rest on. */
    public enum Sign {
        /** The Contact names a private (RFC 1918, RFC 6598, RFC 4193) address other than the source. */
        PRIVATE_CONTACT,
        /** The Contact names a link-local address: nothing off the device's own link reaches it there. */
        LINK_LOCAL_CONTACT,
        /** The packet came from another address than the Via names (RFC 3581 {@code received}). */
        VIA_ADDRESS_NOT_SOURCE,
        /** The packet came from another address or port than the Contact names. */
        CONTACT_NOT_SOURCE,
        /** The NAT gave the device another port than the one it sent from: it does not preserve ports. */
        PORT_NOT_PRESERVED,
        /** The same binding came from another port than at its previous registration. */
        MAPPING_CHANGED,
        /** The same binding came from another address than at its previous registration (NAT rebooted, roamed). */
        ADDRESS_CHANGED,
        /** The Contact was rewritten to the public source while the Via still names the private address. */
        CONTACT_REWRITTEN,
        /** The Via names the source while the Contact still names a private address: only the Via was rewritten. */
        VIA_REWRITTEN,
        /** Several keepalive pings in a row got no answer: the NAT mapping may have closed, calls may not arrive. */
        PINGS_UNANSWERED,
        /**
         * The TCP or TLS connection the device registered over closed (RFC 5626 §5.3 flow failure): the binding is
         * skipped until the device registers again.
         */
        FLOW_FAILED,
        /** Something of the media or signalling was rewritten by a middlebox (reserved for calls). */
        SDP_REWRITTEN
    }

    public NatEvidence {
        Objects.requireNonNull(sign, "sign");
        Objects.requireNonNull(text, "text");
    }
}
