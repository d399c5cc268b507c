package com.crosspoint.relay.stun;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Answers a Binding request (RFC 8489 s6.3, RFC 5780 s6.1, RFC 3489 s8.2) without any socket: bytes and the source
 * address in, the answer's bytes and the address it must leave from out. Anything that is not a well-formed Binding
 * request gets no answer (s6.3: indications and responses are not answered; a bad FINGERPRINT means "not STUN").
 */
public final class BindingResponder {
    /** Flags of CHANGE-REQUEST (RFC 5780 s7.2). */
    private static final int CHANGE_IP = 0x04;
    private static final int CHANGE_PORT = 0x02;

    private final String software;

    /** @param software the SOFTWARE value, without a version number (issue 10: answers do not tell versions) */
    public BindingResponder(String software) {
        this.software = software;
    }

    /** Where an answer leaves from: the socket the request came in on, or one with the other IP and/or port. */
    public enum Origin { SAME, CHANGE_PORT, CHANGE_IP, CHANGE_BOTH }

    /** An answer and the socket it must leave from. */
    public record Answer(byte[] bytes, Origin origin) {
    }

    /**
     * The addresses of the socket a request came in on, as the server knows them.
     *
     * @param local the address the client reached (RESPONSE-ORIGIN, SOURCE-ADDRESS)
     * @param other RFC 5780's alternate address (other IP, other port), when the node has a second address
     */
    public record Sockets(InetSocketAddress local, Optional<InetSocketAddress> other) {

        public InetSocketAddress origin(Origin origin) {
            if (other.isEmpty() || origin == Origin.SAME) {
                return local;
            }
            InetSocketAddress o = other.get();
            return switch (origin) {
                case CHANGE_PORT -> new InetSocketAddress(local.getAddress(), o.getPort());
                case CHANGE_IP -> new InetSocketAddress(o.getAddress(), local.getPort());
                default -> o;
            };
        }
    }

    public Optional<Answer> answer(byte[] data, int offset, int length, InetSocketAddress source, Sockets sockets) {
        if (!(StunDecoder.decode(data, offset, length) instanceof DecodeResult.Decoded decoded)) {
            return Optional.empty();
        }
        StunMessage request = decoded.message();
        if (request.stunClass() != StunClass.REQUEST || request.method() != StunMethod.BINDING
                || !Integrity.fingerprintValid(request)) {
            return Optional.empty();
        }
        return Optional.of(answer(request, source, sockets));
    }

    public Answer answer(StunMessage request, InetSocketAddress source, Sockets sockets) {
        int[] unknown = UnknownAttributes.of(request);
        if (unknown.length > 0) {
            return new Answer(error(request, ErrorCode.UNKNOWN_ATTRIBUTE).addUnknownAttributes(unknown)
                    .build(!request.classic()), Origin.SAME);
        }
        Origin origin = Origin.SAME;
        long change = request.uint32(AttributeType.CHANGE_REQUEST).orElse(0L);
        if ((change & (CHANGE_IP | CHANGE_PORT)) != 0) {
            if (sockets.other().isEmpty()) {
                // RFC 5780 s6.1: a server that cannot change address answers 420 naming CHANGE-REQUEST.
                return new Answer(error(request, ErrorCode.UNKNOWN_ATTRIBUTE)
                        .addUnknownAttributes(new int[] {AttributeType.CHANGE_REQUEST}).build(!request.classic()),
                        Origin.SAME);
            }
            boolean ip = (change & CHANGE_IP) != 0;
            boolean port = (change & CHANGE_PORT) != 0;
            origin = ip && port ? Origin.CHANGE_BOTH : ip ? Origin.CHANGE_IP : Origin.CHANGE_PORT;
        }
        StunMessageBuilder b = StunMessageBuilder.answering(request, StunClass.SUCCESS);
        InetSocketAddress from = sockets.origin(origin);
        if (request.classic()) {
            // RFC 3489 s11.2: MAPPED-ADDRESS, SOURCE-ADDRESS and CHANGED-ADDRESS, no FINGERPRINT.
            b.addAddress(AttributeType.MAPPED_ADDRESS, source);
            b.addAddress(AttributeType.SOURCE_ADDRESS, from);
            b.addAddress(AttributeType.CHANGED_ADDRESS, sockets.other().orElse(sockets.local()));
            b.addText(AttributeType.SOFTWARE, software);
            return new Answer(b.build(false), origin);
        }
        b.addXorAddress(AttributeType.XOR_MAPPED_ADDRESS, source);
        if (sockets.other().isPresent()) {
            // Discovery clients (RFC 5780 s7, coturn's natdiscovery) read MAPPED-ADDRESS too; only then is it sent,
            // as it makes every answer larger.
            b.addAddress(AttributeType.MAPPED_ADDRESS, source);
            b.addAddress(AttributeType.RESPONSE_ORIGIN, from);
            b.addAddress(AttributeType.OTHER_ADDRESS, sockets.other().get());
        }
        b.addText(AttributeType.SOFTWARE, software);
        return new Answer(b.build(true), origin);
    }

    private StunMessageBuilder error(StunMessage request, ErrorCode code) {
        return StunMessageBuilder.answering(request, StunClass.ERROR).addError(code)
                .addText(AttributeType.SOFTWARE, software);
    }
}
