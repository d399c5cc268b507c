package com.crosspoint.nat;

/** What the appliance applied because of a finding. */
public enum NatAction {
    FLOW_ROUTING("requests go to the address and port the device's packets come from"),
    SHORT_EXPIRY("shorter registration interval so the device refreshes its NAT mapping"),
    KEEPALIVE_PINGS("OPTIONS pings keep the NAT mapping open"),
    OUTBOUND_FLOW("RFC 5626 outbound: requests reuse the device's registration connection"),
    PATH_ROUTE("requests follow the Path the registration came through"),
    ANCHORED("calls to and from the device are relayed through the appliance, which latches to where its RTP "
            + "really comes from (media.anchor)");

    private final String description;

    NatAction(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
