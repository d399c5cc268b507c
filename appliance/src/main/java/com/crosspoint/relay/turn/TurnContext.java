package com.crosspoint.relay.turn;

import com.crosspoint.config.TurnConfig;
import java.net.InetAddress;
import java.time.Clock;

/**
 * What the TURN request handlers share: settings, the allocation table, the relay ports and how to open them (UDP,
 * and TCP when {@code tcp} is not null), the peer policy, the credential check, the clock, and the host relayed
 * addresses name.
 *
 * @param relayedHost the address in XOR-RELAYED-ADDRESS: nat.externalAddress when set, else the advertised address
 */
public record TurnContext(TurnConfig config, AllocationTable table, RelayPorts ports, RelayEndpoints endpoints,
                          TcpRelays tcp, PeerPolicy policy, TurnAuthenticator auth, Clock clock,
                          InetAddress relayedHost) {

    long now() {
        return clock.millis();
    }

    String software() {
        return config.software();
    }
}
