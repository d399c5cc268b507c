package com.crosspoint.relay.turn;

import com.crosspoint.relay.stun.AttributeType;
import com.crosspoint.relay.stun.ErrorCode;
import com.crosspoint.relay.stun.StunMessage;
import java.util.Optional;

/**
 * ConnectionBind, RFC 6062 s5.4: on a new TCP (or TLS) connection of the client, one without an allocation, binds the
 * peer connection its CONNECTION-ID names; after the answer the two carry each other's bytes untouched. The same
 * USERNAME as the allocation's is needed (else 441); an unknown, bound or late id is 400.
 */
final class ConnectionBindHandler implements RequestHandler {
    private final TurnContext context;
    private final TurnAnswers answers;
    private final TcpConnections connections;

    ConnectionBindHandler(TurnContext context, TurnAnswers answers, TcpConnections connections) {
        this.context = context;
        this.answers = answers;
        this.connections = connections;
    }

    @Override
    public void handle(StunMessage request, ClientLink link, AuthOutcome.Authenticated auth) {
        Optional<Long> id = request.uint32(AttributeType.CONNECTION_ID);
        if (!link.stream() || context.table().find(link.fiveTuple()).isPresent() || id.isEmpty()) {
            answers.error(link, request, ErrorCode.BAD_REQUEST, auth);
            return;
        }
        Optional<TcpConnections.Entry> entry = connections.bind(id.get(), context.now());
        if (entry.isEmpty()) {
            answers.error(link, request, ErrorCode.BAD_REQUEST, auth);
            return;
        }
        if (!entry.get().allocation().username().equals(auth.username())) {
            entry.get().connection().close();
            answers.error(link, request, ErrorCode.WRONG_CREDENTIALS, auth);
            return;
        }
        answers.send(link, answers.success(request), auth);
        context.tcp().splice(link, entry.get().connection());
    }
}
