package com.crosspoint.config;

import java.util.Objects;

/**
 * The RTP relay's keys, in the {@code media:} section of {@code config/crosspoint.yaml} (it shares the media port
 * range, {@code media.relatchPackets} and {@code media.socketBufferBytes}).
 *
 * @param anchor         when calls are anchored ({@code media.anchor})
 * @param timeoutSeconds a relayed call whose phones both sent nothing this long, not on hold, is ended
 *                       ({@code media.relayTimeout})
 * @param threads        NIO selector threads forwarding relayed RTP/RTCP ({@code media.relayThreads})
 */
public record RelayConfig(AnchorPolicy anchor, int timeoutSeconds, int threads) {

    /** The defaults of {@code config/crosspoint.yaml}. */
    public static final RelayConfig DEFAULTS = new RelayConfig(AnchorPolicy.NAT, 60, 2);

    public RelayConfig {
        Objects.requireNonNull(anchor, "anchor");
        if (timeoutSeconds < 1 || threads < 1) {
            throw new IllegalArgumentException("invalid relay configuration: " + timeoutSeconds + " s, " + threads
                    + " threads");
        }
    }
}
