package com.crosspoint.relay.turn;

import com.crosspoint.relay.stun.ErrorCode;
import com.crosspoint.relay.stun.StunClass;
import com.crosspoint.relay.stun.StunMessage;
import com.crosspoint.relay.stun.StunMethod;
import com.crosspoint.relay.stun.UnknownAttributes;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;

/**
 * The TURN server's logic, with no socket in it: the transport hands it decoded STUN messages (Binding excepted),
 * ChannelData frames and peer datagrams, and gives it the way back ({@link ClientLink}) and relay sockets
 * ({@link RelayEndpoints}). Requests are authenticated here, once, before their method's handler sees them.
 */
public final class TurnService {
    private final TurnContext context;
    private final TurnAnswers answers;
    private final AllocationLifecycle lifecycle;
    private final PeerTraffic traffic;
    private final Map<Integer, RequestHandler> handlers;
    private final TcpConnections connections;

    public TurnService(TurnContext context) {
        this.context = context;
        this.answers = new TurnAnswers(context);
        Reservations reservations = new Reservations();
        this.connections = new TcpConnections();
        this.lifecycle = new AllocationLifecycle(context, reservations, connections);
        this.traffic = new PeerTraffic(context);
        this.handlers = Map.of(
                StunMethod.ALLOCATE, new AllocateHandler(context, answers, reservations),
                StunMethod.REFRESH, new RefreshHandler(context, answers, lifecycle),
                StunMethod.CREATE_PERMISSION, new CreatePermissionHandler(context, answers),
                StunMethod.CHANNEL_BIND, new ChannelBindHandler(context, answers),
                StunMethod.CONNECT, new ConnectHandler(context, answers, connections),
                StunMethod.CONNECTION_BIND, new ConnectionBindHandler(context, answers, connections));
    }

    /** A STUN request or indication (not Binding) from a client; responses from clients are ignored. */
    public void onStun(StunMessage message, ClientLink link) {
        if (message.stunClass() == StunClass.INDICATION) {
            if (message.method() == StunMethod.SEND && UnknownAttributes.of(message).length == 0) {
                traffic.onSend(message, link.fiveTuple());
            }
            return;
        }
        if (message.stunClass() != StunClass.REQUEST || message.classic()) {
            return; // RFC 3489 has no TURN; its clients only ever send Binding
        }
        RequestHandler handler = handlers.get(message.method());
        if (handler == null) {
            answers.error(link, message, ErrorCode.BAD_REQUEST, null);
            return;
        }
        Optional<String> realm = context.auth().realm();
        if (realm.isEmpty()) {
            answers.error(link, message, ErrorCode.SERVER_ERROR, null); // no tenant yet: nobody to authenticate
            return;
        }
        String source = link.fiveTuple().client().getAddress().getHostAddress();
        AuthOutcome outcome = context.auth().authenticate(message, source);
        if (outcome instanceof AuthOutcome.Refused refused) {
            if (refused.challenge()) {
                answers.challenge(link, message, refused.error(), realm.get());
            } else {
                answers.error(link, message, refused.error(), null);
            }
            return;
        }
        AuthOutcome.Authenticated auth = (AuthOutcome.Authenticated) outcome;
        int[] unknown = UnknownAttributes.of(message);
        if (unknown.length > 0) {
            answers.unknownAttributes(link, message, unknown, auth);
            return;
        }
        handler.handle(message, link, auth);
    }

    /** A ChannelData message from a client. */
    public void onChannelData(byte[] frame, int offset, int length, FiveTuple from) {
        traffic.onChannelData(frame, offset, length, from);
    }

    /**
     * A datagram a peer sent to an allocation's relay port, {@code length} bytes at {@code offset}. When
     * {@code offset} is 4 or more, the bytes before it may be overwritten (the ChannelData header is put there).
     */
    public void onPeerDatagram(Allocation allocation, InetSocketAddress peer, byte[] data, int offset, int length) {
        traffic.onPeerDatagram(allocation, peer, data, offset, length);
    }

    /**
     * A peer connected to a TCP allocation's relay port (RFC 6062 s5.3): with a permission for its IP the client
     * gets a ConnectionAttempt indication naming the connection, else it is closed.
     */
    public void onPeerConnected(Allocation allocation, PeerConnection connection) {
        long now = context.now();
        if (allocation.expiresAt() <= now || context.table().find(allocation.fiveTuple()).orElse(null) != allocation
                || !allocation.permits(connection.peer().getAddress(), now)) {
            connection.close();
            return;
        }
        long id = connections.add(allocation, connection, now);
        byte[] transaction = new byte[12];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(transaction);
        allocation.client().send(new com.crosspoint.relay.stun.StunMessageBuilder(StunMethod.CONNECTION_ATTEMPT,
                StunClass.INDICATION, transaction)
                .addUint32(com.crosspoint.relay.stun.AttributeType.CONNECTION_ID, id)
                .addXorAddress(com.crosspoint.relay.stun.AttributeType.XOR_PEER_ADDRESS, connection.peer())
                .build(true));
    }

    /** A TCP or TLS client went away: its allocation (if any) goes with the connection (RFC 8656 s3.1). */
    public void onClientGone(FiveTuple fiveTuple) {
        context.table().find(fiveTuple).ifPresent(lifecycle::end);
    }

    /** Ends expired allocations and drops expired permissions and channels; call about once a second. */
    public void sweep() {
        lifecycle.sweep();
    }

    /** Ends every allocation (at shutdown). */
    public void endAll() {
        context.table().all().forEach(lifecycle::end);
    }

    public int allocationCount() {
        return context.table().size();
    }

    public AllocationTable allocations() {
        return context.table();
    }

    /** Relayed packets dropped: no allocation, no permission, no channel, malformed. */
    public long droppedPackets() {
        return traffic.dropped();
    }
}
