package com.crosspoint.gateway;

import com.crosspoint.proxy.core.OptionsProber;
import com.crosspoint.proxy.core.ProbeListener;
import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.trunk.TrunkTarget;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The PBX nodes' OPTIONS health checks, one round per {@link #tick}: every primary and backup node is probed from
 * the gateway's own port (its host name looked up here, off the I/O threads) and the answer, or its absence, goes to
 * {@link PbxHealth}. A check of a dead UDP node stays unanswered until Timer F (32 s), so it is the calls' silence
 * that notices a node dying quickly; the checks bring a node back once it answers again.
 */
public final class PbxProbes {
    private final Set<TrunkTarget> nodes = new LinkedHashSet<>();
    private final OptionsProber prober;
    private final PbxHops hops;
    private final PbxHealth health;

    public PbxProbes(List<DidRoute> routes, OptionsProber prober, PbxHops hops, PbxHealth health) {
        for (DidRoute r : routes) {
            nodes.add(r.primary());
            nodes.add(r.backup());
        }
        this.prober = prober;
        this.hops = hops;
        this.health = health;
    }

    public void tick() {
        for (TrunkTarget node : nodes) {
            Destination hop = hops.refresh(node);
            if (hop == null) {
                health.failed(node);
                continue;
            }
            prober.probe(hop, new ProbeListener() {
                @Override
                public void answered(int status) {
                    health.answered(node);
                }

                @Override
                public void unanswered() {
                    health.failed(node);
                }
            });
        }
    }
}
