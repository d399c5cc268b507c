package com.crosspoint.relay.turn;

import com.crosspoint.relay.stun.AddressCodec;
import com.crosspoint.relay.stun.AttributeType;
import com.crosspoint.relay.stun.ErrorCode;
import com.crosspoint.relay.stun.StunAttribute;
import com.crosspoint.relay.stun.StunMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CreatePermission, RFC 8656 s9.2: every XOR-PEER-ADDRESS gets a permission for its IP, or none does (the request is
 * all or nothing): a malformed one or one of another family than the relay's is 400/443, a peer the policy refuses
 * is 403.
 */
final class CreatePermissionHandler implements RequestHandler {
    private final TurnContext context;
    private final TurnAnswers answers;

    CreatePermissionHandler(TurnContext context, TurnAnswers answers) {
        this.context = context;
        this.answers = answers;
    }

    @Override
    public void handle(StunMessage request, ClientLink link, AuthOutcome.Authenticated auth) {
        Optional<Allocation> found = Owned.allocation(context, answers, request, link, auth);
        if (found.isEmpty()) {
            return;
        }
        Allocation allocation = found.get();
        List<InetAddress> peers = new ArrayList<>();
        for (StunAttribute a : request.attributes()) {
            if (a.type() != AttributeType.XOR_PEER_ADDRESS) {
                continue;
            }
            Optional<InetSocketAddress> peer = AddressCodec.decode(request.value(a),
                    AddressCodec.xorPad(request.transactionId()));
            Optional<ErrorCode> refusal = PeerChecks.refusal(context, allocation, peer);
            if (refusal.isPresent()) {
                answers.error(link, request, refusal.get(), auth);
                return;
            }
            peers.add(peer.get().getAddress());
        }
        if (peers.isEmpty()) {
            answers.error(link, request, ErrorCode.BAD_REQUEST, auth);
            return;
        }
        long until = context.now() + context.config().lifetimes().permission() * 1000L;
        peers.forEach(p -> allocation.permit(p, until));
        answers.send(link, answers.success(request), auth);
    }
}
