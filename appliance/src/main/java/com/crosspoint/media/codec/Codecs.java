package com.crosspoint.media.codec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The codecs this media server speaks, found by RTP payload type or by SDP {@code rtpmap} name and rate. */
public final class Codecs {
    private static final List<AudioCodec> ALL = List.of(G711Ulaw.INSTANCE, G711Alaw.INSTANCE);

    private Codecs() {
    }

    /** All supported codecs, in order of preference for an offer. */
    public static List<AudioCodec> all() {
        return ALL;
    }

    /** The codec with this static RTP payload type, if supported. */
    public static Optional<AudioCodec> byPayloadType(int payloadType) {
        for (AudioCodec codec : ALL) {
            if (codec.payloadType() == payloadType) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }

    /** The codec with this encoding name (case-insensitive, as SDP allows), at its own clock rate. */
    public static Optional<AudioCodec> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        for (AudioCodec codec : ALL) {
            if (codec.name().equals(wanted)) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }

    /** The codec with this encoding name and clock rate, as in {@code a=rtpmap:0 PCMU/8000}. */
    public static Optional<AudioCodec> byName(String name, int clockRate) {
        return byName(name).filter(codec -> codec.clockRate() == clockRate);
    }
}
