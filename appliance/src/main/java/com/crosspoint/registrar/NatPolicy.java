package com.crosspoint.registrar;

/**
 * What the registrar does for devices behind NAT.
 *
 * @param udpExpires       seconds granted to a NATed UDP device whatever it asked (at most; 0 = no cap):
 *                         {@code nat.udpExpires}
 * @param keepaliveSeconds interval of the OPTIONS pings to NATed UDP flows (0 = off): {@code nat.keepaliveSeconds};
 *                         the registrar only reports it among the actions applied
 * @param anchorNated      calls of a device behind NAT are relayed ({@code media.anchor: nat} or {@code always})
 * @param anchorAll        every call between phones is relayed ({@code media.anchor: always})
 * @param flowTimerSeconds the Flow-Timer of the 200 OK to an outbound REGISTER (RFC 5626 §4.4.1; 0 = none):
 *                         {@code nat.flowTimerSeconds}
 */
public record NatPolicy(long udpExpires, long keepaliveSeconds, boolean anchorNated, boolean anchorAll,
                        long flowTimerSeconds) {
    /** Nothing beyond flow routing. */
    public static final NatPolicy NONE = new NatPolicy(0, 0, false, false, 0);

    /** The intervals with the default anchoring: calls of devices behind NAT are relayed; no Flow-Timer. */
    public NatPolicy(long udpExpires, long keepaliveSeconds) {
        this(udpExpires, keepaliveSeconds, true, false, 0);
    }

    public NatPolicy {
        if (udpExpires < 0 || keepaliveSeconds < 0 || flowTimerSeconds < 0) {
            throw new IllegalArgumentException("NAT intervals must not be negative");
        }
    }
}
