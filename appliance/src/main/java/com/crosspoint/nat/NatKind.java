package com.crosspoint.nat;

/** What kind of middlebox sits between a device and the appliance, as far as the signalling shows; worst last. */
public enum NatKind {
    /** The device is reached where it says it is. */
    NONE("no NAT"),
    /** A NAT that kept the device's port: the device is reached through the address its packets come from. */
    NAT("NAT"),
    /**
     * A NAT that does not preserve ports, or whose mapping changed between registrations: the sign of a symmetric
     * (address- and port-dependent, or fully random) mapping. Only the flow the device opened reaches it.
     */
    NAT_PORT_CHANGING("symmetric NAT (ports change)"),
    /** A SIP-aware middlebox (ALG) rewrote part of the message and left the rest: what it says cannot be trusted. */
    ALG_SUSPECTED("SIP ALG suspected");

    private final String label;

    NatKind(String label) {
        this.label = label;
    }

    /** A few words for tables, e.g. "symmetric NAT (ports change)". */
    public String label() {
        return label;
    }
}
