package com.crosspoint.relay.rtp;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * A change of where one side's phone is heard from and sent to, for the NAT doctor: when, from which source to which,
 * and why.
 *
 * @param at   wall-clock time of the packet (or SDP) that caused it
 * @param from the source latched before; null for the first latch
 * @param to   the source latched now; null when a new SDP cleared the latch
 * @param why  the rule that decided
 */
public record LatchEvent(Instant at, InetSocketAddress from, InetSocketAddress to, Reason why) {

    /** The rule behind a latch change. */
    public enum Reason {
        /** The phone is not behind NAT: its packets came from the address its SDP names, the only one heard. */
        SIGNALLED_ADDRESS("packets from the address the SDP names (not behind NAT)"),
        /** Behind NAT: the first packet of a negotiated payload type latched its source. */
        FIRST_SOURCE_BEHIND_NAT("first packet of a negotiated payload type (behind NAT)"),
        /** Behind NAT: the same stream (SSRC) arrived from a new address: the NAT rebound it. */
        SAME_STREAM_NEW_ADDRESS("the latched stream's SSRC from a new address (NAT rebinding)"),
        /** Behind NAT: the phone's SIP host took over after the latched source had been quiet. */
        SIGNALLING_HOST_TOOK_OVER("the phone's SIP host, after the latched source was quiet"),
        /** A new SDP moved the phone or changed what the signalling says: latch afresh. */
        NEW_SDP("new SDP from the phone: latching afresh");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        /** A sentence a user of the NAT doctor can read. */
        public String description() {
            return description;
        }
    }

    public LatchEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(why, "why");
    }
}
