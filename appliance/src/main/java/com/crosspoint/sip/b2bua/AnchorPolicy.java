package com.crosspoint.sip.b2bua;

/** When calls between phones are relayed through the appliance ({@code media.anchor}). */
public enum AnchorPolicy {
    /** Only when a party is behind NAT: its Contact, SDP or registration is not where its packets come from. */
    NAT,
    /** Every call between phones: every call then has quality figures, at the cost of relaying all audio. */
    ALWAYS,
    /** Never: phones send their audio to each other. */
    NEVER
}
