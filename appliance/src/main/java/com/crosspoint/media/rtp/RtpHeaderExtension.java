package com.crosspoint.media.rtp;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The RFC 3550 §5.3.1 header extension, kept opaque: the 16-bit profile-defined value and the
 * extension words as bytes (a multiple of 4). RFC 8285 one/two-byte elements are parsed elsewhere, later.
 */
public record RtpHeaderExtension(int profile, byte[] data) {

    public RtpHeaderExtension {
        if (profile < 0 || profile > 0xFFFF) {
            throw new IllegalArgumentException("profile must be 16 bits: " + profile);
        }
        if (data == null || data.length % 4 != 0 || data.length / 4 > 0xFFFF) {
            throw new IllegalArgumentException("extension data must be whole 32-bit words, at most 65535");
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Extension length on the wire in bytes, including its 4-byte header. */
    public int wireLength() {
        return 4 + data.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RtpHeaderExtension that && profile == that.profile && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * profile + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "RtpHeaderExtension[profile=0x" + Integer.toHexString(profile) + ", data=" + HexFormat.of().formatHex(data) + "]";
    }
}
