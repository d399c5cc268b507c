package com.crosspoint.config;

import java.util.Optional;

/**
 * What the appliance does for devices behind NAT (docs/nat.md), and where this node sits in the network as far as
 * STUN and TURN need it.
 *
 * @param keepaliveSeconds interval of the OPTIONS pings to NATed UDP phones; 0 = no pings ({@code nat.keepaliveSeconds})
 * @param udpExpires       registration interval granted to NATed UDP phones at most; 0 = as asked
 *                         ({@code nat.udpExpires}; 0 or within sip.registrar.minExpires..maxExpires)
 * @param flowTimerSeconds the {@code Flow-Timer} of the 200 OK to an RFC 5626 outbound REGISTER: how often the phone
 *                         is asked to send keepalives (CRLF, STUN) on its flow; 0 = no Flow-Timer
 *                         ({@code nat.flowTimerSeconds}; 0 or 5..3600)
 * @param externalAddress  the public IP of a node behind a 1:1 NAT: relayed addresses (XOR-RELAYED-ADDRESS) name it
 *                         instead of the local one ({@code nat.externalAddress})
 * @param secondaryAddress a second IP of this node: with it the STUN server answers RFC 5780 behaviour discovery
 *                         (OTHER-ADDRESS, CHANGE-REQUEST) on both IPs and two ports ({@code nat.secondaryAddress})
 */
public record NatConfig(int keepaliveSeconds, int udpExpires, int flowTimerSeconds, Optional<String> externalAddress,
                        Optional<String> secondaryAddress) {

    /** The NAT handling of phones, on a node with no external or second address. */
    public NatConfig(int keepaliveSeconds, int udpExpires, int flowTimerSeconds) {
        this(keepaliveSeconds, udpExpires, flowTimerSeconds, Optional.empty(), Optional.empty());
    }
}
