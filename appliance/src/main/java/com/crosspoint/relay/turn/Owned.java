package com.crosspoint.relay.turn;

import com.crosspoint.relay.stun.ErrorCode;
import com.crosspoint.relay.stun.StunMessage;
import java.util.Optional;

/**
 * The allocation a Refresh, CreatePermission or ChannelBind is about: the one of the request's 5-tuple (else 437,
 * RFC 8656 s5), created with the same USERNAME (else 441).
 */
final class Owned {
    private Owned() {
    }

    static Optional<Allocation> allocation(TurnContext context, TurnAnswers answers, StunMessage request,
                                           ClientLink link, AuthOutcome.Authenticated auth) {
        Optional<Allocation> found = context.table().find(link.fiveTuple());
        if (found.isEmpty() || found.get().expiresAt() <= context.now()) {
            answers.error(link, request, ErrorCode.ALLOCATION_MISMATCH, auth);
            return Optional.empty();
        }
        if (!found.get().username().equals(auth.username())) {
            answers.error(link, request, ErrorCode.WRONG_CREDENTIALS, auth);
            return Optional.empty();
        }
        return found;
    }
}
