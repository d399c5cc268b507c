package com.crosspoint.config;

/**
 * What the appliance does for devices behind NAT (docs/nat.md).
 *
 * @param keepaliveSeconds interval of the OPTIONS pings to NATed UDP phones; 0 = no pings ({@code nat.keepaliveSeconds})
 * @param udpExpires       registration interval granted to NATed UDP phones at most; 0 = as asked
 *                         ({@code nat.udpExpires}; 0 or within sip.registrar.minExpires..maxExpires)
 */
public record NatConfig(int keepaliveSeconds, int udpExpires) {
}
