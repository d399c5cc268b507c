package com.crosspoint.call;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One phone of a call as the NAT doctor shows it.
 *
 * @param party      the phone's extension (or label)
 * @param behindNat  its signalling says it is behind NAT (the appliance then latches to where its packets come from)
 * @param evidence   what was seen, in plain words ("SDP names 192.168.77.10, its SIP comes from 10.200.0.2")
 * @param signalled  the RTP address its SDP names, {@code host:port}; null when not known
 * @param heardFrom  where the relay hears it and sends to it now, {@code host:port}; null before its first packet or
 *                   when the call is not relayed
 * @param latchCount how many times the relay latched to a source for it, the first time included
 * @param latches    the latest latch changes, oldest first
 */
public record PartyMedia(String party, boolean behindNat, List<String> evidence, String signalled, String heardFrom,
                         long latchCount, List<Latch> latches) {

    public PartyMedia {
        Objects.requireNonNull(party, "party");
        evidence = List.copyOf(evidence);
        latches = List.copyOf(latches);
    }

    /** A change of where the relay hears a phone: when, from which source to which, and the rule that decided. */
    public record Latch(Instant at, String from, String to, String why) {
    }

    /** A few words: "1001 behind NAT, heard from 10.200.0.2:4321 (2 latches)". */
    String summary() {
        StringBuilder s = new StringBuilder(party).append(behindNat ? " behind NAT" : " not behind NAT");
        if (heardFrom != null) {
            s.append(", heard from ").append(heardFrom);
            if (signalled != null && !signalled.equals(heardFrom)) {
                s.append(" (SDP says ").append(signalled).append(')');
            }
        } else if (signalled != null) {
            s.append(", nothing heard yet from ").append(signalled);
        }
        if (latchCount > 1) {
            s.append(", ").append(latchCount - 1).append(latchCount == 2 ? " re-latch" : " re-latches");
        }
        return s.toString();
    }
}
