package com.crosspoint.relay.server;

import com.crosspoint.config.NatConfig;
import com.crosspoint.config.TurnConfig;
import com.crosspoint.relay.turn.PeerPolicy;
import com.crosspoint.relay.turn.TurnAuthenticator;
import java.net.InetAddress;
import java.time.Clock;

/**
 * What the STUN/TURN server needs from the composition root.
 *
 * @param bind        the address its sockets bind to (network.bind; may be a wildcard)
 * @param advertised  the address clients reach it at (RESPONSE-ORIGIN, the banner URL)
 * @param relayedHost the address in XOR-RELAYED-ADDRESS (nat.externalAddress, else {@code advertised})
 */
public record RelaySettings(TurnConfig turn, NatConfig nat, InetAddress bind, InetAddress advertised,
                            InetAddress relayedHost, PeerPolicy policy, TurnAuthenticator auth, Clock clock) {
}
