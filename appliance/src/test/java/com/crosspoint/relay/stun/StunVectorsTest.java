package com.crosspoint.relay.stun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The RFC 5769 test vectors and RFC 8489 B.1 (as corrected by erratum 6268), from the files under
 * {@code vectors/stun-rfc5769}: decoding, MESSAGE-INTEGRITY (short- and long-term), MESSAGE-INTEGRITY-SHA256,
 * USERHASH, FINGERPRINT, XOR addresses in both families, and the byte-exact re-encoding of the 2.4 request.
 */
class StunVectorsTest {
    private static final String DIR = "/vectors/stun-rfc5769/";
    private static final byte[] SHORT_TERM_KEY = "VOkJxbRl1RmTxUk/WvJxBt".getBytes(StandardCharsets.UTF_8);
    private static final String USERNAME = "\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9";
    private static final String PASSWORD = "TheMatrIX"; // "The\u00ADM\u00AAtr\u2168" after SASLprep / OpaqueString
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void sampleRequestHasRightIntegrityAndFingerprint() throws IOException {
        StunMessage m = decode("rfc5769-2.1-sample-request");

        assertThat(m.stunClass()).isEqualTo(StunClass.REQUEST);
        assertThat(m.method()).isEqualTo(StunMethod.BINDING);
        assertThat(m.classic()).isFalse();
        assertThat(HEX.formatHex(m.transactionId())).isEqualTo("b7e7a701bc34d686fa87dfae");
        assertThat(m.text(AttributeType.SOFTWARE)).contains("STUN test client");
        assertThat(m.text(AttributeType.USERNAME)).contains("evtj:h6vY"); // padding of spaces ignored
        assertThat(m.uint32(AttributeType.PRIORITY)).contains(0x6e0001ffL);
        assertThat(Integrity.verify(m, SHORT_TERM_KEY)).isTrue();
        assertThat(Integrity.verify(m, "wrong".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(Integrity.fingerprintValid(m)).isTrue();
        assertThat(UnknownAttributes.of(m)).isEmpty();
        assertThat(expected("rfc5769-2.1-sample-request").get("attributes")).hasSize(m.attributes().size());
    }

    @Test
    void ipv4ResponseDecodesTheMappedAddress() throws IOException {
        StunMessage m = decode("rfc5769-2.2-sample-ipv4-response");

        assertThat(m.stunClass()).isEqualTo(StunClass.SUCCESS);
        assertThat(AddressCodec.read(m, AttributeType.XOR_MAPPED_ADDRESS))
                .contains(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));
        assertThat(Integrity.verify(m, SHORT_TERM_KEY)).isTrue();
        assertThat(Integrity.fingerprintValid(m)).isTrue();
    }

    @Test
    void ipv6ResponseXorsWithCookieAndTransactionId() throws IOException {
        StunMessage m = decode("rfc5769-2.3-sample-ipv6-response");

        assertThat(AddressCodec.read(m, AttributeType.XOR_MAPPED_ADDRESS)).contains(new InetSocketAddress(
                InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853));
        assertThat(Integrity.verify(m, SHORT_TERM_KEY)).isTrue();
        assertThat(Integrity.fingerprintValid(m)).isTrue();
    }

    @Test
    void addressesEncodeBackToTheVectorBytes() throws IOException {
        StunMessage v4 = decode("rfc5769-2.2-sample-ipv4-response");
        StunMessage v6 = decode("rfc5769-2.3-sample-ipv6-response");
        byte[] pad = AddressCodec.xorPad(v4.transactionId());

        assertThat(AddressCodec.encode(AddressCodec.read(v4, AttributeType.XOR_MAPPED_ADDRESS).orElseThrow(), pad))
                .isEqualTo(v4.value(AttributeType.XOR_MAPPED_ADDRESS).orElseThrow());
        assertThat(AddressCodec.encode(AddressCodec.read(v6, AttributeType.XOR_MAPPED_ADDRESS).orElseThrow(), pad))
                .isEqualTo(v6.value(AttributeType.XOR_MAPPED_ADDRESS).orElseThrow());
    }

    @Test
    void longTermRequestVerifiesWithTheMd5KeyWhichIsTheDigestHa1() throws IOException {
        StunMessage m = decode("rfc5769-2.4-sample-request-long-term-auth");
        byte[] key = PasswordAlgorithm.MD5.key(USERNAME, "example.org", PASSWORD);

        assertThat(HEX.formatHex(key)).isEqualTo(expected("rfc5769-2.4-sample-request-long-term-auth")
                .at("/verification/MESSAGE-INTEGRITY/key_hex").asText());
        assertThat(m.text(AttributeType.USERNAME)).contains(USERNAME);
        assertThat(m.text(AttributeType.REALM)).contains("example.org");
        assertThat(m.text(AttributeType.NONCE)).contains("f//499k954d6OL34oL9FSTvy64sA");
        assertThat(Integrity.verify(m, key)).isTrue();
        assertThat(m.has(AttributeType.FINGERPRINT)).isFalse();
        assertThat(Integrity.fingerprintValid(m)).as("no FINGERPRINT is fine").isTrue();
    }

    @Test
    void longTermRequestIsRebuiltByteForByte() throws IOException {
        StunMessage m = decode("rfc5769-2.4-sample-request-long-term-auth");
        byte[] key = PasswordAlgorithm.MD5.key(USERNAME, "example.org", PASSWORD);

        byte[] rebuilt = new StunMessageBuilder(StunMethod.BINDING, StunClass.REQUEST, m.transactionId())
                .addText(AttributeType.USERNAME, USERNAME)
                .addText(AttributeType.NONCE, "f//499k954d6OL34oL9FSTvy64sA")
                .addText(AttributeType.REALM, "example.org")
                .build(key, AttributeType.MESSAGE_INTEGRITY, false);

        assertThat(rebuilt).isEqualTo(m.bytes());
    }

    @Test
    void sha256VectorVerifiesUserhashAndIntegrity() throws IOException {
        StunMessage m = decode("rfc8489-B.1-long-term-auth-sha256-userhash-errata6268");
        byte[] key = PasswordAlgorithm.SHA_256.key(USERNAME, "example.org", PASSWORD);

        assertThat(m.value(AttributeType.USERHASH)).contains(PasswordAlgorithm.userHash(USERNAME, "example.org"));
        assertThat(m.value(AttributeType.PASSWORD_ALGORITHM)).contains(PasswordAlgorithm.SHA_256.entry());
        assertThat(Integrity.integrityType(m)).isEqualTo(AttributeType.MESSAGE_INTEGRITY_SHA256);
        assertThat(HEX.formatHex(key)).isEqualTo(expected("rfc8489-B.1-long-term-auth-sha256-userhash-errata6268")
                .at("/verification/MESSAGE-INTEGRITY-SHA256/key_hex").asText());
        assertThat(Integrity.verify(m, key)).isTrue();
        assertThat(Integrity.verify(m, PasswordAlgorithm.MD5.key(USERNAME, "example.org", PASSWORD))).isFalse();
    }

    @Test
    void oneChangedByteBreaksFingerprintAndIntegrity() throws IOException {
        for (String name : new String[] {"rfc5769-2.1-sample-request", "rfc5769-2.2-sample-ipv4-response",
                "rfc5769-2.3-sample-ipv6-response"}) {
            byte[] bytes = bytes(name);
            bytes[27] ^= 0x01; // inside the transaction ID (coturn's rfc5769check does the same)
            StunMessage m = ((DecodeResult.Decoded) StunDecoder.decode(bytes)).message();
            assertThat(Integrity.fingerprintValid(m)).as(name).isFalse();
            assertThat(Integrity.verify(m, SHORT_TERM_KEY)).as(name).isFalse();
        }
        byte[] longTerm = bytes("rfc5769-2.4-sample-request-long-term-auth");
        longTerm[32] = 0x0a;
        StunMessage m = ((DecodeResult.Decoded) StunDecoder.decode(longTerm)).message();
        assertThat(Integrity.verify(m, PasswordAlgorithm.MD5.key(USERNAME, "example.org", PASSWORD))).isFalse();
    }

    @Test
    void builtMessagesCarryVerifiableIntegrityAndFingerprint() {
        byte[] tid = HEX.parseHex("0102030405060708090a0b0c");
        byte[] bytes = new StunMessageBuilder(StunMethod.ALLOCATE, StunClass.SUCCESS, tid)
                .addXorAddress(AttributeType.XOR_RELAYED_ADDRESS, new InetSocketAddress("198.51.100.7", 50000))
                .addUint32(AttributeType.LIFETIME, 600)
                .addText(AttributeType.SOFTWARE, "Crosspoint")
                .build(SHORT_TERM_KEY, AttributeType.MESSAGE_INTEGRITY_SHA256, true);

        StunMessage m = ((DecodeResult.Decoded) StunDecoder.decode(bytes)).message();
        assertThat(m.method()).isEqualTo(StunMethod.ALLOCATE);
        assertThat(m.stunClass()).isEqualTo(StunClass.SUCCESS);
        assertThat(m.uint32(AttributeType.LIFETIME)).contains(600L);
        assertThat(AddressCodec.read(m, AttributeType.XOR_RELAYED_ADDRESS))
                .contains(new InetSocketAddress("198.51.100.7", 50000));
        assertThat(Integrity.verify(m, SHORT_TERM_KEY)).isTrue();
        assertThat(Integrity.fingerprintValid(m)).isTrue();
    }

    private static StunMessage decode(String name) throws IOException {
        DecodeResult r = StunDecoder.decode(bytes(name));
        assertThat(r).as(name).isInstanceOf(DecodeResult.Decoded.class);
        StunMessage m = ((DecodeResult.Decoded) r).message();
        String hex = new String(read(name + ".hex"), StandardCharsets.US_ASCII).trim();
        assertThat(HEX.formatHex(m.bytes())).as(".bin and .hex agree").isEqualTo(hex);
        return m;
    }

    private static byte[] bytes(String name) throws IOException {
        return read(name + ".bin");
    }

    private static JsonNode expected(String name) throws IOException {
        return new ObjectMapper().readTree(read("expected.json")).get(name);
    }

    private static byte[] read(String file) throws IOException {
        try (InputStream in = StunVectorsTest.class.getResourceAsStream(DIR + file)) {
            assertThat(in).as(file).isNotNull();
            return in.readAllBytes();
        }
    }
}
