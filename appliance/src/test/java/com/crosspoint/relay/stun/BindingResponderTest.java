package com.crosspoint.relay.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BindingResponderTest {
    private static final byte[] TID = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    private static final InetSocketAddress CLIENT = new InetSocketAddress("198.51.100.20", 40000);
    private static final InetSocketAddress LOCAL = new InetSocketAddress("192.0.2.1", 3478);
    private static final InetSocketAddress OTHER = new InetSocketAddress("192.0.2.2", 3479);
    private final BindingResponder responder = new BindingResponder("Crosspoint");

    @Test
    void answersWithXorMappedAddressSoftwareAndFingerprint() {
        StunMessage answer = answer(request().build(true), Optional.empty()).message;

        assertThat(answer.stunClass()).isEqualTo(StunClass.SUCCESS);
        assertThat(answer.transactionId()).isEqualTo(TID);
        assertThat(AddressCodec.read(answer, AttributeType.XOR_MAPPED_ADDRESS)).contains(CLIENT);
        assertThat(answer.text(AttributeType.SOFTWARE)).contains("Crosspoint");
        assertThat(answer.has(AttributeType.FINGERPRINT)).isTrue();
        assertThat(Integrity.fingerprintValid(answer)).isTrue();
        assertThat(answer.has(AttributeType.OTHER_ADDRESS)).as("no second address").isFalse();
    }

    @Test
    void answersAClassicClientWithMappedAddress() {
        byte[] tid = new byte[16];
        tid[15] = 7;
        byte[] classic = new StunMessageBuilder(StunMethod.BINDING, StunClass.REQUEST, tid).build(false);

        StunMessage answer = answer(classic, Optional.of(OTHER)).message;
        assertThat(answer.classic()).isTrue();
        assertThat(answer.transactionId()).isEqualTo(tid);
        assertThat(AddressCodec.read(answer, AttributeType.MAPPED_ADDRESS)).contains(CLIENT);
        assertThat(AddressCodec.read(answer, AttributeType.SOURCE_ADDRESS)).contains(LOCAL);
        assertThat(AddressCodec.read(answer, AttributeType.CHANGED_ADDRESS)).contains(OTHER);
        assertThat(answer.has(AttributeType.XOR_MAPPED_ADDRESS)).isFalse();
    }

    @Test
    void unknownComprehensionRequiredAttributesGet420() {
        StunMessage answer = answer(request().add(0x0077, new byte[4]).build(true), Optional.empty()).message;

        assertThat(answer.stunClass()).isEqualTo(StunClass.ERROR);
        assertThat(ErrorCode.read(answer).orElseThrow().code()).isEqualTo(420);
        assertThat(answer.value(AttributeType.UNKNOWN_ATTRIBUTES)).contains(new byte[] {0, 0x77});
    }

    @Test
    void changeRequestNeedsASecondAddress() {
        byte[] change = request().addUint32(AttributeType.CHANGE_REQUEST, 0x06).build(true);

        Reply without = answer(change, Optional.empty());
        assertThat(ErrorCode.read(without.message).orElseThrow().code()).isEqualTo(420);

        Reply with = answer(change, Optional.of(OTHER));
        assertThat(with.origin).isEqualTo(BindingResponder.Origin.CHANGE_BOTH);
        assertThat(AddressCodec.read(with.message, AttributeType.RESPONSE_ORIGIN)).contains(OTHER);
        assertThat(AddressCodec.read(with.message, AttributeType.OTHER_ADDRESS)).contains(OTHER);

        Reply portOnly = answer(request().addUint32(AttributeType.CHANGE_REQUEST, 0x02).build(true), Optional.of(OTHER));
        assertThat(portOnly.origin).isEqualTo(BindingResponder.Origin.CHANGE_PORT);
        assertThat(AddressCodec.read(portOnly.message, AttributeType.RESPONSE_ORIGIN))
                .contains(new InetSocketAddress(LOCAL.getAddress(), OTHER.getPort()));
    }

    @Test
    void indicationsResponsesAndBadFingerprintsGetNoAnswer() {
        byte[] indication = new StunMessageBuilder(StunMethod.BINDING, StunClass.INDICATION, TID).build(true);
        byte[] response = new StunMessageBuilder(StunMethod.BINDING, StunClass.SUCCESS, TID).build(true);
        byte[] badFingerprint = request().build(true);
        badFingerprint[badFingerprint.length - 1] ^= 1;
        Sockets none = new Sockets();

        assertThat(responder.answer(indication, 0, indication.length, CLIENT, none.sockets)).isEmpty();
        assertThat(responder.answer(response, 0, response.length, CLIENT, none.sockets)).isEmpty();
        assertThat(responder.answer(badFingerprint, 0, badFingerprint.length, CLIENT, none.sockets)).isEmpty();
        assertThat(responder.answer(new byte[] {0, 1, 0}, 0, 3, CLIENT, none.sockets)).isEmpty();
    }

    private static StunMessageBuilder request() {
        return new StunMessageBuilder(StunMethod.BINDING, StunClass.REQUEST, TID);
    }

    private Reply answer(byte[] request, Optional<InetSocketAddress> other) {
        BindingResponder.Answer a = responder.answer(request, 0, request.length, CLIENT,
                new BindingResponder.Sockets(LOCAL, other)).orElseThrow();
        return new Reply(((DecodeResult.Decoded) StunDecoder.decode(a.bytes())).message(), a.origin());
    }

    private record Reply(StunMessage message, BindingResponder.Origin origin) {
    }

    private static final class Sockets {
        final BindingResponder.Sockets sockets = new BindingResponder.Sockets(LOCAL, Optional.empty());
    }
}
