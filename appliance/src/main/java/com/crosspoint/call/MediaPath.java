package com.crosspoint.call;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How a call's audio travels, for the NAT doctor: whether the phones send it to each other, the appliance relays it
 * or answers it itself, and for each phone on the call what its signalling showed and where its packets really come
 * from. A user reading it should know why audio failed without a packet capture.
 *
 * @param route   how the audio travels now
 * @param parties the phones of the call, caller's side first
 */
public record MediaPath(Route route, List<PartyMedia> parties) {

    /** How a call's audio travels. */
    public enum Route {
        /** The phones send their audio to each other: the appliance neither sees nor measures it. */
        DIRECT("not anchored: the phones send their audio to each other"),
        /** Through the appliance's RTP relay, latched to where each phone's packets come from. */
        RELAYED("anchored: relayed through the appliance"),
        /** The appliance answers the call itself (voicemail, a menu, a conference): its media session latches. */
        APPLIANCE("anchored: the appliance answers");

        private final String description;

        Route(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public MediaPath {
        Objects.requireNonNull(route, "route");
        parties = List.copyOf(parties);
    }

    /** One line for tables: "anchored: relayed through the appliance; 1001 behind NAT, heard from 10.200.0.2:4321". */
    public String summary() {
        if (parties.isEmpty()) {
            return route.description();
        }
        return route.description() + "; " + parties.stream().map(PartyMedia::summary).collect(Collectors.joining("; "));
    }
}
