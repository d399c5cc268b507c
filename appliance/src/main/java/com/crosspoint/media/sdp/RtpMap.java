package com.crosspoint.media.sdp;

import java.util.Locale;
import java.util.Optional;

/** {@code a=rtpmap:<pt> <encoding>/<clock>[/<channels>]}, or the RFC 3551 static mapping when none is given. */
public record RtpMap(int payloadType, String encoding, int clockRate, int channels) {

    public RtpMap {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0..127: " + payloadType);
        }
        if (clockRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("clock rate and channels must be positive");
        }
    }

    /** RFC 3551 table 4 audio payload types a telephone media server may meet without an rtpmap. */
    public static Optional<RtpMap> staticType(int payloadType) {
        return Optional.ofNullable(switch (payloadType) {
            case 0 -> new RtpMap(0, "PCMU", 8000, 1);
            case 3 -> new RtpMap(3, "GSM", 8000, 1);
            case 4 -> new RtpMap(4, "G723", 8000, 1);
            case 8 -> new RtpMap(8, "PCMA", 8000, 1);
            case 9 -> new RtpMap(9, "G722", 8000, 1);
            case 13 -> new RtpMap(13, "CN", 8000, 1);
            case 18 -> new RtpMap(18, "G729", 8000, 1);
            default -> null;
        });
    }

    public boolean is(String name, int rate) {
        return encoding.equalsIgnoreCase(name) && clockRate == rate;
    }

    String value() {
        return payloadType + " " + encoding + "/" + clockRate + (channels == 1 ? "" : "/" + channels);
    }

    String upperEncoding() {
        return encoding.toUpperCase(Locale.ROOT);
    }
}
