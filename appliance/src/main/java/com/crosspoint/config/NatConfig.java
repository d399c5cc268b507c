package com.crosspoint.config;

import java.util.Optional;

/**
 * Where this node sits in the network, as far as STUN and TURN need it.
 *
 * @param externalAddress  the public IP of a node behind a 1:1 NAT: relayed addresses (XOR-RELAYED-ADDRESS) name it
 *                         instead of the local one ({@code nat.externalAddress})
 * @param secondaryAddress a second IP of this node: with it the STUN server answers RFC 5780 behaviour discovery
 *                         (OTHER-ADDRESS, CHANGE-REQUEST) on both IPs and two ports ({@code nat.secondaryAddress})
 */
public record NatConfig(Optional<String> externalAddress, Optional<String> secondaryAddress) {
}
