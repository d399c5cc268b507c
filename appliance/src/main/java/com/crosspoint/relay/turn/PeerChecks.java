package com.crosspoint.relay.turn;

import com.crosspoint.relay.stun.AddressCodec;
import com.crosspoint.relay.stun.ErrorCode;
import java.net.InetSocketAddress;
import java.util.Optional;

/** What makes a peer address unacceptable in CreatePermission and ChannelBind, and the error each gets. */
final class PeerChecks {
    private PeerChecks() {
    }

    static Optional<ErrorCode> refusal(TurnContext context, Allocation allocation, Optional<InetSocketAddress> peer) {
        if (peer.isEmpty()) {
            return Optional.of(ErrorCode.BAD_REQUEST);
        }
        if (AddressCodec.familyOf(peer.get().getAddress())
                != AddressCodec.familyOf(allocation.relayedAddress().getAddress())) {
            return Optional.of(ErrorCode.PEER_FAMILY_MISMATCH);
        }
        if (!context.policy().permits(peer.get().getAddress())) {
            return Optional.of(ErrorCode.FORBIDDEN);
        }
        return Optional.empty();
    }
}
