package com.crosspoint.api.dto;

import com.crosspoint.nat.FlowToken;
import com.crosspoint.nat.NatFinding;
import java.util.List;

/**
 * What was found of a device's NAT and what the appliance applied (docs/api.md, "NAT findings").
 *
 * @param kind     NONE, NAT, NAT_PORT_CHANGING or ALG_SUSPECTED
 * @param label    the kind in a few words, e.g. "symmetric NAT (ports change)"
 * @param summary  one sentence: the label and the actions, e.g. "NAT: flow routing, short expiry"
 * @param evidence what was seen, each with its sign and plain words
 * @param actions  what was applied (FLOW_ROUTING, SHORT_EXPIRY, KEEPALIVE_PINGS, OUTBOUND_FLOW, PATH_ROUTE, ANCHORED)
 * @param flow     the flow requests to the device take, e.g. "tcp 198.51.100.7:40123 → 192.0.2.1:5060"; null when
 *                 it is reached at its Contact
 */
public record NatDto(String kind, String label, String summary, List<Evidence> evidence, List<String> actions,
                     String flow) {

    /** One observation. */
    public record Evidence(String sign, String text) {
    }

    public static NatDto of(NatFinding f) {
        return new NatDto(f.kind().name(), f.kind().label(), f.summary(),
                f.evidence().stream().map(e -> new Evidence(e.sign().name(), e.text())).toList(),
                f.actions().stream().map(Enum::name).toList(), f.flow().map(FlowToken::text).orElse(null));
    }
}
