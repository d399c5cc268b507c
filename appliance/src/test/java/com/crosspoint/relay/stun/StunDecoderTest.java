package com.crosspoint.relay.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad input is a {@link DecodeResult.Malformed} with a reason, never an exception. */
class StunDecoderTest {
    private static final byte[] TID = new byte[12];

    @Test
    void refusesWhatIsShorterThanAHeader() {
        assertThat(reason(new byte[0])).contains("shorter than a STUN header");
        assertThat(reason(new byte[19])).contains("shorter than a STUN header");
    }

    @Test
    void refusesALengthThatDoesNotMatchTheDatagram() {
        byte[] m = binding();
        byte[] truncated = java.util.Arrays.copyOf(m, m.length - 4);
        byte[] longer = java.util.Arrays.copyOf(m, m.length + 4);

        assertThat(reason(truncated)).contains("does not match");
        assertThat(reason(longer)).contains("does not match");
    }

    @Test
    void refusesALengthNotMultipleOfFourAndTopBitsSet() {
        byte[] m = binding();
        m[3] |= 1;
        assertThat(reason(m)).contains("not a multiple of 4");
        byte[] rtp = binding();
        rtp[0] = (byte) 0x80;
        assertThat(reason(rtp)).contains("first two bits");
    }

    @Test
    void refusesAnAttributeLongerThanTheMessage() {
        byte[] m = new StunMessageBuilder(StunMethod.BINDING, StunClass.REQUEST, TID)
                .addText(AttributeType.SOFTWARE, "abcd").build(false);
        m[22] = 0x01; // SOFTWARE's length: 260 bytes
        assertThat(reason(m)).contains("claims");
    }

    @Test
    void refusesAnythingAfterFingerprintAndTooManyAttributes() {
        byte[] m = new StunMessageBuilder(StunMethod.BINDING, StunClass.REQUEST, TID).build(true);
        byte[] extended = java.util.Arrays.copyOf(m, m.length + 8);
        extended[m.length + 1] = 0x24; // PRIORITY after FINGERPRINT
        extended[m.length + 3] = 4;
        extended[3] = (byte) (extended.length - 20);
        assertThat(reason(extended)).contains("after FINGERPRINT");

        StunMessageBuilder many = new StunMessageBuilder(StunMethod.BINDING, StunClass.REQUEST, TID);
        for (int i = 0; i < StunDecoder.MAX_ATTRIBUTES + 1; i++) {
            many.addUint32(AttributeType.PRIORITY, i);
        }
        assertThat(reason(many.build(false))).contains("more than");
    }

    @Test
    void aClassicMessageHasASixteenByteTransactionId() {
        byte[] tid = new byte[16];
        tid[0] = 0x55; // no magic cookie
        byte[] m = new StunMessageBuilder(StunMethod.BINDING, StunClass.REQUEST, tid).build(false);

        StunMessage decoded = ((DecodeResult.Decoded) StunDecoder.decode(m)).message();
        assertThat(decoded.classic()).isTrue();
        assertThat(decoded.transactionId()).isEqualTo(tid);
    }

    @Test
    void addressesOfUnknownFamiliesOrWrongLengthsAreEmpty() {
        assertThat(AddressCodec.decode(new byte[] {0, 3, 0, 1, 1, 2, 3, 4}, null)).isEmpty();
        assertThat(AddressCodec.decode(new byte[] {0, 1, 0, 1, 1, 2, 3}, null)).isEmpty();
        assertThat(AddressCodec.decode(new byte[] {0, 2, 0, 1, 1, 2, 3, 4}, null)).isEmpty();
        assertThat(AddressCodec.decode(new byte[2], null)).isEmpty();
    }

    @Test
    void errorCodesReadBackAndOddOnesAreEmpty() {
        byte[] m = new StunMessageBuilder(StunMethod.ALLOCATE, StunClass.ERROR, TID)
                .addError(ErrorCode.ALLOCATION_QUOTA_REACHED).build(true);
        StunMessage decoded = ((DecodeResult.Decoded) StunDecoder.decode(m)).message();
        assertThat(ErrorCode.read(decoded)).contains(ErrorCode.ALLOCATION_QUOTA_REACHED);

        byte[] odd = new StunMessageBuilder(StunMethod.ALLOCATE, StunClass.ERROR, TID)
                .add(AttributeType.ERROR_CODE, new byte[] {0, 0, 4, (byte) 150}).build(false);
        assertThat(ErrorCode.read(((DecodeResult.Decoded) StunDecoder.decode(odd)).message())).isEmpty();
    }

    /** A bounded random corpus: mutations of real messages and plain noise, with a fixed seed. */
    @Test
    void fuzzedInputNeverThrows() {
        Random random = new Random(20261207L);
        byte[][] seeds = {binding(), allocateLike(), new byte[] {0x40, 0, 0, 4, 1, 2, 3, 4}};
        int decoded = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] input;
            if (i % 4 == 0) {
                input = new byte[1 + random.nextInt(200)];
                random.nextBytes(input);
                input[0] &= 0x03;
            } else {
                byte[] seed = seeds[random.nextInt(seeds.length)];
                input = java.util.Arrays.copyOf(seed, Math.max(0, seed.length + random.nextInt(9) - 4));
                for (int flips = random.nextInt(4); flips >= 0 && input.length > 0; flips--) {
                    input[random.nextInt(input.length)] = (byte) random.nextInt(256);
                }
            }
            DecodeResult r = StunDecoder.decode(input);
            if (r instanceof DecodeResult.Decoded d) {
                decoded++;
                StunMessage m = d.message();
                Integrity.verify(m, new byte[16]);
                Integrity.fingerprintValid(m);
                UnknownAttributes.of(m);
                ErrorCode.read(m);
                for (StunAttribute a : m.attributes()) {
                    AddressCodec.read(m, a.type());
                    m.text(a.type());
                    m.uint32(a.type());
                }
                new BindingResponder("Test").answer(input, 0, input.length, new InetSocketAddress("127.0.0.1", 9),
                        new BindingResponder.Sockets(new InetSocketAddress("127.0.0.1", 3478), java.util.Optional.empty()));
            }
            ChannelData.wellFormed(input, 0, input.length);
        }
        assertThat(decoded).as("the corpus reaches past the header checks").isGreaterThan(100);
    }

    private static byte[] binding() {
        return new StunMessageBuilder(StunMethod.BINDING, StunClass.REQUEST, TID)
                .addText(AttributeType.SOFTWARE, "fuzz").build(true);
    }

    private static byte[] allocateLike() {
        return new StunMessageBuilder(StunMethod.ALLOCATE, StunClass.REQUEST, TID)
                .add(AttributeType.REQUESTED_TRANSPORT, new byte[] {17, 0, 0, 0})
                .addText(AttributeType.USERNAME, "1001").addText(AttributeType.REALM, "example.org")
                .addText(AttributeType.NONCE, "abc").build(new byte[16], AttributeType.MESSAGE_INTEGRITY, true);
    }

    private static String reason(byte[] bytes) {
        DecodeResult r = StunDecoder.decode(bytes);
        assertThat(r).isInstanceOf(DecodeResult.Malformed.class);
        return ((DecodeResult.Malformed) r).reason();
    }
}
