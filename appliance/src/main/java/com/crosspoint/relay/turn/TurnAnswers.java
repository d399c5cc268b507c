package com.crosspoint.relay.turn;

import com.crosspoint.relay.stun.AttributeType;
import com.crosspoint.relay.stun.ErrorCode;
import com.crosspoint.relay.stun.StunClass;
import com.crosspoint.relay.stun.StunMessage;
import com.crosspoint.relay.stun.StunMessageBuilder;

/**
 * Writes the answers of TURN requests: SOFTWARE on each, integrity with the request's key once it authenticated
 * (RFC 8489 s9.2.4: responses to an authenticated request carry MESSAGE-INTEGRITY(-SHA256)), and FINGERPRINT.
 */
final class TurnAnswers {
    private final TurnContext context;

    TurnAnswers(TurnContext context) {
        this.context = context;
    }

    StunMessageBuilder success(StunMessage request) {
        return StunMessageBuilder.answering(request, StunClass.SUCCESS);
    }

    byte[] finish(StunMessageBuilder answer, AuthOutcome.Authenticated auth) {
        answer.addText(AttributeType.SOFTWARE, context.software());
        return auth == null ? answer.build(true) : answer.build(auth.key(), auth.integrityType(), true);
    }

    void send(ClientLink link, StunMessageBuilder answer, AuthOutcome.Authenticated auth) {
        link.send(finish(answer, auth));
    }

    void error(ClientLink link, StunMessage request, ErrorCode error, AuthOutcome.Authenticated auth) {
        send(link, StunMessageBuilder.answering(request, StunClass.ERROR).addError(error), auth);
    }

    /** 401 or 438 with a fresh REALM and NONCE and the password algorithms we take (s9.2.4). */
    void challenge(ClientLink link, StunMessage request, ErrorCode error, String realm) {
        StunMessageBuilder answer = StunMessageBuilder.answering(request, StunClass.ERROR).addError(error)
                .addText(AttributeType.REALM, realm)
                .addText(AttributeType.NONCE, context.auth().newNonce())
                .add(AttributeType.PASSWORD_ALGORITHMS, TurnAuthenticator.OFFERED_ALGORITHMS);
        send(link, answer, null);
    }

    void unknownAttributes(ClientLink link, StunMessage request, int[] unknown, AuthOutcome.Authenticated auth) {
        send(link, StunMessageBuilder.answering(request, StunClass.ERROR).addError(ErrorCode.UNKNOWN_ATTRIBUTE)
                .addUnknownAttributes(unknown), auth);
    }
}
