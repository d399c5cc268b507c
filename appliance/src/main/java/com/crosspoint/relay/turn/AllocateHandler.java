package com.crosspoint.relay.turn;

import com.crosspoint.relay.stun.AddressCodec;
import com.crosspoint.relay.stun.AttributeType;
import com.crosspoint.relay.stun.ErrorCode;
import com.crosspoint.relay.stun.StunMessage;
import com.crosspoint.relay.stun.StunMessageBuilder;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Allocate, RFC 8656 s7.2: the checks in the RFC's order, then a relay port, then the answer. */
final class AllocateHandler implements RequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AllocateHandler.class);
    /** REQUESTED-TRANSPORT's protocol numbers (s14.7): UDP, and TCP for RFC 6062 relays. */
    private static final int UDP = 17;
    private static final int TCP = 6;

    /** EVEN-PORT's R bit: keep the odd port above for a second Allocate (RFC 8656 s14.6). */
    private static final int RESERVE = 0x80;

    private final TurnContext context;
    private final TurnAnswers answers;
    private final Reservations reservations;

    AllocateHandler(TurnContext context, TurnAnswers answers, Reservations reservations) {
        this.context = context;
        this.answers = answers;
        this.reservations = reservations;
    }

    @Override
    public void handle(StunMessage request, ClientLink link, AuthOutcome.Authenticated auth) {
        Optional<Allocation> existing = context.table().find(link.fiveTuple());
        if (existing.isPresent()) {
            // s7.2 step 2: a retransmission of the request that created it gets the same answer; else 437.
            Optional<byte[]> again = existing.get().answerToRetransmitted(request.transactionId());
            if (again.isPresent()) {
                link.send(again.get());
            } else {
                answers.error(link, request, ErrorCode.ALLOCATION_MISMATCH, auth);
            }
            return;
        }
        Optional<ErrorCode> refusal = refusal(request, link);
        if (refusal.isPresent()) {
            answers.error(link, request, refusal.get(), auth);
            return;
        }
        if (!context.table().reserve(auth.account().user())) {
            LOG.debug("TURN: quota reached for {}", auth.account().user().account());
            answers.error(link, request, ErrorCode.ALLOCATION_QUOTA_REACHED, auth);
            return;
        }
        boolean created = false;
        try {
            created = create(request, link, auth);
        } finally {
            if (!created) {
                context.table().release(auth.account().user());
            }
        }
    }

    /**
     * s7.2's checks of what is asked for: a transport (UDP; TCP over a TCP or TLS connection, RFC 6062 s5.1, without
     * EVEN-PORT or a token), a family we relay, a token alone.
     */
    private Optional<ErrorCode> refusal(StunMessage request, ClientLink link) {
        Optional<Integer> transport = request.firstByte(AttributeType.REQUESTED_TRANSPORT);
        if (transport.isEmpty()) {
            return Optional.of(ErrorCode.BAD_REQUEST);
        }
        if (transport.get() == TCP) {
            if (context.tcp() == null) {
                return Optional.of(ErrorCode.UNSUPPORTED_TRANSPORT);
            }
            if (!link.stream() || request.has(AttributeType.EVEN_PORT)
                    || request.has(AttributeType.RESERVATION_TOKEN)) {
                return Optional.of(ErrorCode.BAD_REQUEST);
            }
        } else if (transport.get() != UDP) {
            return Optional.of(ErrorCode.UNSUPPORTED_TRANSPORT);
        }
        Optional<Integer> family = request.firstByte(AttributeType.REQUESTED_ADDRESS_FAMILY);
        if (request.has(AttributeType.RESERVATION_TOKEN)
                && (request.has(AttributeType.EVEN_PORT) || family.isPresent())) {
            return Optional.of(ErrorCode.BAD_REQUEST); // the token already says which port and family
        }
        if (family.isPresent() && family.get() != AddressCodec.familyOf(context.relayedHost())) {
            return Optional.of(ErrorCode.ADDRESS_FAMILY_NOT_SUPPORTED);
        }
        return Optional.empty();
    }

    /** A relay port, opened by {@code open}: the token's, an even one with the next held, or any (even) one. */
    private OptionalInt port(StunMessage request, boolean reserve, long now, IntPredicate open) {
        Optional<byte[]> token = request.value(AttributeType.RESERVATION_TOKEN);
        if (token.isPresent()) {
            return reserved(token.get(), now, open);
        }
        return reserve ? context.ports().acquirePair(open)
                : context.ports().acquire(request.has(AttributeType.EVEN_PORT), open);
    }

    /** The port a RESERVATION-TOKEN holds, opened; empty (508) for a token unknown, expired or whose port failed. */
    private OptionalInt reserved(byte[] token, long now, IntPredicate open) {
        OptionalInt held = token.length == Reservations.TOKEN_BYTES
                ? reservations.take(token, now, context.ports()::release) : OptionalInt.empty();
        if (held.isEmpty()) {
            return held;
        }
        if (open.test(held.getAsInt())) {
            return held;
        }
        context.ports().release(held.getAsInt());
        return OptionalInt.empty();
    }

    private boolean create(StunMessage request, ClientLink link, AuthOutcome.Authenticated auth) {
        long lifetime = Lifetimes.granted(request, context.config().lifetimes());
        long now = context.now();
        boolean reserve = request.firstByte(AttributeType.EVEN_PORT).map(b -> (b & RESERVE) != 0).orElse(false);
        Allocation[] made = new Allocation[1];
        boolean tcp = request.firstByte(AttributeType.REQUESTED_TRANSPORT).orElse(UDP) == TCP;
        IntPredicate open = p -> {
            Allocation a = new Allocation(link.fiveTuple(), auth.account().user(), auth.username(), link,
                    new InetSocketAddress(context.relayedHost(), p), tcp, now + lifetime * 1000);
            Optional<RelayEndpoint> endpoint = tcp ? context.tcp().listen(p, a) : context.endpoints().open(p, a);
            endpoint.ifPresent(a::attach);
            made[0] = a;
            return endpoint.isPresent();
        };
        OptionalInt port = port(request, reserve, now, open);
        if (port.isEmpty()) {
            LOG.warn("TURN: no free relay port in {}..{}", context.config().relayPortMin(),
                    context.config().relayPortMax());
            answers.error(link, request, ErrorCode.INSUFFICIENT_CAPACITY, auth);
            return false;
        }
        Allocation allocation = made[0];
        StunMessageBuilder answer = answers.success(request)
                .addXorAddress(AttributeType.XOR_RELAYED_ADDRESS, allocation.relayedAddress())
                .addUint32(AttributeType.LIFETIME, lifetime)
                .addXorAddress(AttributeType.XOR_MAPPED_ADDRESS, link.fiveTuple().client());
        if (reserve) {
            answer.add(AttributeType.RESERVATION_TOKEN, reservations.hold(port.getAsInt() + 1, now));
        }
        byte[] bytes = answers.finish(answer, auth);
        allocation.rememberAllocate(request.transactionId(), bytes);
        context.table().add(allocation);
        LOG.debug("TURN: {} for {} s", allocation, lifetime);
        link.send(bytes);
        return true;
    }
}
