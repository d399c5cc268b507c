package com.crosspoint.relay.turn;

import com.crosspoint.relay.stun.AddressCodec;
import com.crosspoint.relay.stun.AttributeType;
import com.crosspoint.relay.stun.ErrorCode;
import com.crosspoint.relay.stun.StunMessage;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Connect, RFC 6062 s5.2: the relay opens a TCP connection to the peer from the relay port and answers with its
 * CONNECTION-ID once it stands (447 when it cannot); a peer the policy refuses gets 403, one connected already 446.
 * The connection also installs a permission for the peer's IP, so the peer may connect back in.
 */
final class ConnectHandler implements RequestHandler {
    private final TurnContext context;
    private final TurnAnswers answers;
    private final TcpConnections connections;

    ConnectHandler(TurnContext context, TurnAnswers answers, TcpConnections connections) {
        this.context = context;
        this.answers = answers;
        this.connections = connections;
    }

    @Override
    public void handle(StunMessage request, ClientLink link, AuthOutcome.Authenticated auth) {
        Optional<Allocation> found = Owned.allocation(context, answers, request, link, auth);
        if (found.isEmpty()) {
            return;
        }
        Allocation allocation = found.get();
        Optional<InetSocketAddress> peer = AddressCodec.read(request, AttributeType.XOR_PEER_ADDRESS);
        if (!allocation.tcp()) {
            answers.error(link, request, ErrorCode.BAD_REQUEST, auth);
            return;
        }
        Optional<ErrorCode> refusal = PeerChecks.refusal(context, allocation, peer);
        if (refusal.isPresent()) {
            answers.error(link, request, refusal.get(), auth);
            return;
        }
        if (connections.connectedTo(allocation, peer.get())) {
            answers.error(link, request, ErrorCode.CONNECTION_ALREADY_EXISTS, auth);
            return;
        }
        context.tcp().connect(allocation, peer.get(), connected -> {
            if (connected.isEmpty()) {
                answers.error(link, request, ErrorCode.CONNECTION_FAILURE, auth);
                return;
            }
            long now = context.now();
            long id = connections.add(allocation, connected.get(), now);
            allocation.permit(peer.get().getAddress(), now + context.config().lifetimes().permission() * 1000L);
            answers.send(link, answers.success(request).addUint32(AttributeType.CONNECTION_ID, id), auth);
        });
    }
}
