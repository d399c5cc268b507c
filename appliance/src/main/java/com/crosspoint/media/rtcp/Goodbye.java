package com.crosspoint.media.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A BYE (RFC 3550 §6.6): the sources leaving, and an optional reason.
 *
 * @param reason the reason text, or null when none was given
 */
public record Goodbye(List<Long> ssrcs, String reason) implements RtcpPacket {

    public Goodbye {
        ssrcs = List.copyOf(ssrcs);
        if (ssrcs.size() > 31) {
            throw new IllegalArgumentException("at most 31 sources: " + ssrcs.size());
        }
        ssrcs.forEach(ssrc -> Unsigned.require32(ssrc, "ssrc"));
        if (reason != null && reason.getBytes(StandardCharsets.UTF_8).length > 0xFF) {
            throw new IllegalArgumentException("BYE reason over 255 bytes");
        }
    }

    @Override
    public int packetType() {
        return BYE;
    }
}
