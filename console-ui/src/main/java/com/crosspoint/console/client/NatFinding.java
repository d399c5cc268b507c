package com.crosspoint.console.client;

import java.util.List;

/**
 * What the appliance found of a device's NAT and what it applied (the API's {@code nat} object; docs/nat.md).
 * Null fields of an older appliance read as "nothing known".
 */
public record NatFinding(String kind, String label, String summary, List<Evidence> evidence, List<String> actions) {

    /** One observation in plain words. */
    public record Evidence(String sign, String text) {
    }

    public NatFinding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** The evidence sentences and the actions, one per line: the NAT cell's tooltip. */
    public String detail() {
        StringBuilder sb = new StringBuilder();
        evidence.forEach(e -> sb.append(e.text()).append('\n'));
        if (!actions.isEmpty()) {
            sb.append("Applied: ").append(String.join(", ", actions).toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' '));
        }
        return sb.toString().strip();
    }
}
