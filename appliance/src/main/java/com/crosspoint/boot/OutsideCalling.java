package com.crosspoint.boot;

import com.crosspoint.billing.OutsideCallGate;
import com.crosspoint.config.TrunkConfig;
import com.crosspoint.sip.SipMessages;
import com.crosspoint.sip.TrunkProbes;
import com.crosspoint.store.DidStore;
import com.crosspoint.trunk.DidCallerIds;
import com.crosspoint.trunk.OutsideDialling;
import com.crosspoint.trunk.TrunkIngress;
import com.crosspoint.trunk.Trunks;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the PBX's way out and in ({@code trunk.*}): the trunk servers and their health checks, the dial plan's
 * rules for outside numbers with caller IDs from the DIDs, the calls the trunk servers send to DIDs, and billing's
 * gate before a call goes out.
 */
final class OutsideCalling {
    private static final Logger LOG = LoggerFactory.getLogger(OutsideCalling.class);

    private final TrunkConfig config;
    private final Trunks trunks;
    private final OutsideDialling dialling;
    private final TrunkIngress ingress;
    private final OutsideCallGate billing;
    private final Duration cutOffWarning;

    /** @param billing asked before a call goes out; {@code cutOffWarning} before a call's allowance runs out */
    OutsideCalling(TrunkConfig config, DidStore dids, OutsideCallGate billing, Duration cutOffWarning) {
        this.config = config;
        this.billing = billing;
        this.cutOffWarning = cutOffWarning;
        this.trunks = new Trunks(config.routers(), config.gateways(), config.failuresToDown());
        this.dialling = new OutsideDialling(config.outside(), new DidCallerIds(dids), trunks.configured());
        this.ingress = new TrunkIngress(trunks.servers(), dids, config.outside().plan());
    }

    /** Recognises the calls the trunk servers send to the tenants' DIDs. */
    TrunkIngress ingress() {
        return ingress;
    }

    Trunks trunks() {
        return trunks;
    }

    OutsideDialling dialling() {
        return dialling;
    }

    OutsideCallGate billing() {
        return billing;
    }

    Duration cutOffWarning() {
        return cutOffWarning;
    }

    Duration responseTimeout() {
        return Duration.ofSeconds(config.responseTimeoutSeconds());
    }

    /** Starts the OPTIONS health checks of every router and gateway, if there are any and checks are on. */
    void startProbes(SipMessages messages, ScheduledExecutorService timers) {
        if (!trunks.configured() || config.probeSeconds() == 0) {
            return;
        }
        TrunkProbes probes = new TrunkProbes(messages, trunks, responseTimeout());
        timers.scheduleWithFixedDelay(() -> {
            try {
                probes.tick();
            } catch (RuntimeException e) {
                LOG.warn("trunk health checks failed", e);
            }
        }, 0, config.probeSeconds(), TimeUnit.SECONDS);
    }
}
