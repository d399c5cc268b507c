package com.crosspoint.relay.stun;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An ERROR-CODE (RFC 8489 s14.8): class (hundreds) and number, and a reason phrase. The codes this server sends are
 * the constants; their reason phrases are the RFCs' own.
 */
public record ErrorCode(int code, String reason) {
    public static final ErrorCode TRY_ALTERNATE = new ErrorCode(300, "Try Alternate");
    public static final ErrorCode BAD_REQUEST = new ErrorCode(400, "Bad Request");
    public static final ErrorCode UNAUTHENTICATED = new ErrorCode(401, "Unauthenticated");
    public static final ErrorCode FORBIDDEN = new ErrorCode(403, "Forbidden");
    public static final ErrorCode UNKNOWN_ATTRIBUTE = new ErrorCode(420, "Unknown Attribute");
    public static final ErrorCode ALLOCATION_MISMATCH = new ErrorCode(437, "Allocation Mismatch");
    public static final ErrorCode STALE_NONCE = new ErrorCode(438, "Stale Nonce");
    public static final ErrorCode ADDRESS_FAMILY_NOT_SUPPORTED = new ErrorCode(440, "Address Family not Supported");
    public static final ErrorCode WRONG_CREDENTIALS = new ErrorCode(441, "Wrong Credentials");
    public static final ErrorCode UNSUPPORTED_TRANSPORT = new ErrorCode(442, "Unsupported Transport Protocol");
    public static final ErrorCode PEER_FAMILY_MISMATCH = new ErrorCode(443, "Peer Address Family Mismatch");
    public static final ErrorCode ALLOCATION_QUOTA_REACHED = new ErrorCode(486, "Allocation Quota Reached");
    public static final ErrorCode SERVER_ERROR = new ErrorCode(500, "Server Error");
    public static final ErrorCode INSUFFICIENT_CAPACITY = new ErrorCode(508, "Insufficient Capacity");
    /** RFC 6062 s5.2: a Connect to a peer the allocation is connected to already. */
    public static final ErrorCode CONNECTION_ALREADY_EXISTS = new ErrorCode(446, "Connection Already Exists");
    /** RFC 6062 s6.3: the relay could not reach the peer over TCP. */
    public static final ErrorCode CONNECTION_FAILURE = new ErrorCode(447, "Connection Timeout or Failure");

    public ErrorCode {
        if (code < 300 || code > 699) {
            throw new IllegalArgumentException("STUN error codes are 300..699: " + code);
        }
    }

    public byte[] encode() {
        byte[] phrase = reason.getBytes(StandardCharsets.UTF_8);
        byte[] value = new byte[4 + phrase.length];
        value[2] = (byte) (code / 100);
        value[3] = (byte) (code % 100);
        System.arraycopy(phrase, 0, value, 4, phrase.length);
        return value;
    }

    /** The ERROR-CODE of a message, empty when absent or malformed. */
    public static Optional<ErrorCode> read(StunMessage message) {
        return message.value(AttributeType.ERROR_CODE).flatMap(v -> {
            if (v.length < 4) {
                return Optional.empty();
            }
            int code = (v[2] & 0x07) * 100 + (v[3] & 0xFF);
            if (code < 300 || code > 699 || (v[3] & 0xFF) > 99) {
                return Optional.empty();
            }
            return Optional.of(new ErrorCode(code, new String(v, 4, v.length - 4, StandardCharsets.UTF_8)));
        });
    }
}
