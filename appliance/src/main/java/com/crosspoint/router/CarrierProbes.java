package com.crosspoint.router;

import com.crosspoint.acr.AdaptiveCallRouter;
import com.crosspoint.model.Carrier;
import com.crosspoint.proxy.core.OptionsProber;
import com.crosspoint.proxy.core.ProbeListener;
import com.crosspoint.proxy.transport.Destination;

/**
 * The carriers' OPTIONS health checks, one round per {@link #tick}: every carrier in service is probed from the
 * router's own port (its host name looked up here, off the I/O threads), and the answer, or its absence, goes to the
 * call router's circuit breakers ({@code probes()}).
 */
public final class CarrierProbes {
    private final AdaptiveCallRouter router;
    private final OptionsProber prober;
    private final CarrierHops hops;

    public CarrierProbes(AdaptiveCallRouter router, OptionsProber prober, CarrierRouting routing) {
        this.router = router;
        this.prober = prober;
        this.hops = routing.hops();
    }

    public void tick() {
        for (Carrier c : router.carriers()) {
            if (!c.inService()) {
                continue;
            }
            Destination hop = hops.refresh(c);
            long id = c.id();
            if (hop == null) {
                router.probes().probeFailed(id);
                continue;
            }
            prober.probe(hop, new ProbeListener() {
                @Override
                public void answered(int status) {
                    router.probes().probeSucceeded(id);
                }

                @Override
                public void unanswered() {
                    router.probes().probeFailed(id);
                }
            });
        }
    }
}
