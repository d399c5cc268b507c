package com.crosspoint.relay.turn;

import com.crosspoint.relay.stun.AddressCodec;
import com.crosspoint.relay.stun.AttributeType;
import com.crosspoint.relay.stun.ErrorCode;
import com.crosspoint.relay.stun.StunMessage;
import java.util.Optional;

/** Refresh, RFC 8656 s8: a new lifetime, or 0 to delete the allocation. */
final class RefreshHandler implements RequestHandler {
    private final TurnContext context;
    private final TurnAnswers answers;
    private final AllocationLifecycle lifecycle;

    RefreshHandler(TurnContext context, TurnAnswers answers, AllocationLifecycle lifecycle) {
        this.context = context;
        this.answers = answers;
        this.lifecycle = lifecycle;
    }

    @Override
    public void handle(StunMessage request, ClientLink link, AuthOutcome.Authenticated auth) {
        Optional<Allocation> found = Owned.allocation(context, answers, request, link, auth);
        if (found.isEmpty()) {
            return;
        }
        Allocation allocation = found.get();
        Optional<Integer> family = request.firstByte(AttributeType.REQUESTED_ADDRESS_FAMILY);
        if (family.isPresent() && family.get() != AddressCodec.familyOf(allocation.relayedAddress().getAddress())) {
            answers.error(link, request, ErrorCode.PEER_FAMILY_MISMATCH, auth);
            return;
        }
        long lifetime;
        if (request.uint32(AttributeType.LIFETIME).orElse(-1L) == 0) {
            lifecycle.end(allocation);
            lifetime = 0;
        } else {
            lifetime = Lifetimes.granted(request, context.config().lifetimes());
            allocation.expiresAt(context.now() + lifetime * 1000);
        }
        answers.send(link, answers.success(request).addUint32(AttributeType.LIFETIME, lifetime), auth);
    }
}
