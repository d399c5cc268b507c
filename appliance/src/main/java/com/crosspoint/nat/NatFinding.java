package com.crosspoint.nat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What was found about one device's path to the appliance and what the appliance did about it.
 *
 * @param kind     the worst kind the evidence supports
 * @param evidence what was seen, in plain words, in the order it was checked
 * @param actions  what the appliance applied because of it
 * @param flow     the flow requests to the device take, when it is reached through one (behind NAT, over TCP or
 *                 TLS, through a Path); empty when it is reached at its Contact
 */
public record NatFinding(NatKind kind, List<NatEvidence> evidence, List<NatAction> actions, Optional<FlowToken> flow) {
    /** Nothing seen, nothing applied. */
    public static final NatFinding NONE = new NatFinding(NatKind.NONE, List.of(), List.of());

    public NatFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(flow, "flow");
        evidence = List.copyOf(evidence);
        actions = List.copyOf(actions);
    }

    /** A finding of a device reached at its Contact (no flow). */
    public NatFinding(NatKind kind, List<NatEvidence> evidence, List<NatAction> actions) {
        this(kind, evidence, actions, Optional.empty());
    }

    /** The same finding, reached through {@code token}. */
    public NatFinding through(FlowToken token) {
        return new NatFinding(kind, evidence, actions, Optional.of(token));
    }

    /** Whether the device sits behind anything that translates addresses. */
    public boolean behindNat() {
        return kind != NatKind.NONE;
    }

    public boolean saw(NatEvidence.Sign sign) {
        return evidence.stream().anyMatch(e -> e.sign() == sign);
    }

    /** The same finding with {@code action} applied (once). */
    public NatFinding with(NatAction action) {
        if (actions.contains(action)) {
            return this;
        }
        List<NatAction> more = new ArrayList<>(actions);
        more.add(action);
        return new NatFinding(kind, evidence, more, flow);
    }

    /** The same finding with {@code note} in place of any earlier evidence of its sign (the kind is kept). */
    public NatFinding noting(NatEvidence note) {
        List<NatEvidence> more = new ArrayList<>(without(note.sign()).evidence);
        more.add(note);
        return new NatFinding(kind, more, actions, flow);
    }

    /** The same finding without evidence of {@code sign}. */
    public NatFinding without(NatEvidence.Sign sign) {
        if (!saw(sign)) {
            return this;
        }
        return new NatFinding(kind, evidence.stream().filter(e -> e.sign() != sign).toList(), actions, flow);
    }

    /**
     * One sentence for tables: the kind, whether calls are anchored, and what else was done, e.g. "symmetric NAT
     * (ports change), anchored: flow routing, short expiry, keepalive pings" or "no NAT, not anchored".
     */
    public String summary() {
        String head = kind.label() + (actions.contains(NatAction.ANCHORED) ? ", anchored" : ", not anchored");
        List<NatAction> rest = actions.stream().filter(a -> a != NatAction.ANCHORED).toList();
        if (rest.isEmpty()) {
            return head;
        }
        return head + ": " + rest.stream().map(a -> a.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ')).collect(Collectors.joining(", "));
    }
}
