package com.crosspoint.call;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What the call layer reads from an SDP body without anchoring media: the first audio codec and
 * whether the body puts the peer on hold (RFC 3264 §8.4: sendonly/inactive, or the old 0.0.0.0).
 */
public record SdpSummary(String codec, boolean hold) {

    public static SdpSummary of(byte[] sdp) {
        if (sdp == null || sdp.length == 0) {
            return new SdpSummary(null, false);
        }
        String text = new String(sdp, StandardCharsets.UTF_8);
        String firstPayload = null;
        String codec = null;
        boolean hold = false;
        boolean inAudio = false;
        for (String raw : text.split("\r?\n")) {
            String line = raw.trim();
            if (line.startsWith("m=")) {
                inAudio = line.startsWith("m=audio");
                if (inAudio && firstPayload == null) {
                    String[] parts = line.split(" ");
                    firstPayload = parts.length > 3 ? parts[3] : null;
                }
            } else if (line.equals("a=sendonly") || line.equals("a=inactive")) {
                hold = hold || inAudio || firstPayload == null;
            } else if (line.startsWith("c=") && line.endsWith(" 0.0.0.0")) {
                hold = true;
            } else if (inAudio && firstPayload != null && codec == null
                    && line.startsWith("a=rtpmap:" + firstPayload + " ")) {
                String enc = line.substring(line.indexOf(' ') + 1);
                codec = enc.contains("/") ? enc.substring(0, enc.indexOf('/')) : enc;
            }
        }
        if (codec == null && firstPayload != null) {
            codec = staticPayloadName(firstPayload);
        }
        return new SdpSummary(codec, hold);
    }

    /** RFC 3551 static payload types that phones often send without an rtpmap line. */
    private static String staticPayloadName(String pt) {
        return switch (pt) {
            case "0" -> "PCMU";
            case "8" -> "PCMA";
            case "9" -> "G722";
            case "18" -> "G729";
            default -> "PT" + pt.toUpperCase(Locale.ROOT);
        };
    }
}
