package com.crosspoint.console.client;

import java.util.List;

/**
 * How a call's audio travels (the API's {@code media} object, the NAT doctor; docs/nat.md): {@code route} RELAYED,
 * DIRECT or APPLIANCE, a one-line {@code summary}, and per phone what its signalling showed.
 */
public record CallMedia(String route, String summary, List<Party> parties) {

    public CallMedia {
        parties = parties == null ? List.of() : List.copyOf(parties);
    }

    /** One phone of the call: whether it is behind NAT, why, and where the relay hears it. */
    public record Party(String party, boolean behindNat, List<String> evidence, String signalled, String heardFrom,
                        long latchCount) {
        public Party {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }
}
