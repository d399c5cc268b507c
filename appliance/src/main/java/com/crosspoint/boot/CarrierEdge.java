package com.crosspoint.boot;

import com.crosspoint.acr.AdaptiveCallRouter;
import com.crosspoint.acr.CarrierService;
import com.crosspoint.acr.RoutingPolicyService;
import com.crosspoint.acr.availability.BreakerSettings;
import com.crosspoint.acr.availability.CarrierAvailability;
import com.crosspoint.acr.quality.CarrierQuality;
import com.crosspoint.acr.quality.WindowSettings;
import com.crosspoint.acr.rate.DeckImports;
import com.crosspoint.acr.rate.DeckSpans;
import com.crosspoint.acr.rate.PrefixRateTable;
import com.crosspoint.acr.rate.RateDeckImporter;
import com.crosspoint.acr.rate.RateDeckLoader;
import com.crosspoint.acr.policy.RoutingPolicy;
import com.crosspoint.api.RoutingServices;
import com.crosspoint.config.BreakerConfig;
import com.crosspoint.config.RouterConfig;
import com.crosspoint.config.RoutingPolicyConfig;
import com.crosspoint.store.RateDeckStore;
import com.crosspoint.events.EventBus;
import com.crosspoint.events.RateDeckImportEvent;
import com.crosspoint.store.Stores;
import com.crosspoint.trunk.Trunks;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composes the Adaptive Call Router's brain for a node: the stored carriers and their active decks loaded at start
 * (decks an import left behind removed first), the router routing on them, and the background rate-deck imports,
 * whose progress goes out on the event bus. The windows come from {@code router.quality}, the breakers from
 * {@code router.breaker}, the policy from {@code router.policy} unless one set over the API is stored
 * (docs/architecture.md, "Adaptive Call Router").
 */
final class CarrierEdge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CarrierEdge.class);
    /** A number's first digits that make its destination group for the quality windows. */
    private static final int GROUP_DIGITS = 4;

    private final AdaptiveCallRouter router;
    private final RoutingPolicyService policies;
    private final CarrierService carriers;
    private final DeckImports imports;
    private final DeckSpans spans;
    private final RateDeckStore decks;
    private final ExecutorService importer;

    CarrierEdge(Stores stores, EventBus events, Clock clock, RouterConfig config) {
        BreakerConfig b = config.breaker();
        router = new AdaptiveCallRouter(new CarrierQuality(new WindowSettings(config.qualityBucket(),
                config.qualityBuckets()), GROUP_DIGITS, clock), new CarrierAvailability(new BreakerSettings(
                b.failuresToOpen(), Duration.ofSeconds(b.coolDownSeconds()), Duration.ofSeconds(b.trialTimeoutSeconds())),
                clock), clock);
        policies = new RoutingPolicyService(stores.routingPolicy(), router, policy(config));
        policies.load();
        CarrierService carriers = new CarrierService(stores.carriers(), router);
        carriers.load();
        DeckSpans spans = new DeckSpans(router);
        Map<Long, PrefixRateTable> tables = new RateDeckLoader(stores.rateDecks()).load();
        router.replaceTables(tables);
        spans.know(tables);
        importer = Executors.newSingleThreadExecutor(r -> MediaAddresses.daemon(r, "rate-deck-import"));
        DeckImports imports = new DeckImports(new RateDeckImporter(stores.rateDecks(), spans, clock,
                RateDeckImporter.Limits.DEFAULT), importer, clock,
                progress -> events.publish(new RateDeckImportEvent(progress, clock.instant())));
        this.carriers = carriers;
        this.imports = imports;
        this.spans = spans;
        this.decks = stores.rateDecks();
        LOG.info("Call router: {} carriers, {} with a rate deck", router.carriers().size(), tables.size());
    }

    AdaptiveCallRouter router() {
        return router;
    }

    CarrierService carriers() {
        return carriers;
    }

    DeckImports imports() {
        return imports;
    }

    /** What the API serves of the router and the PBX's trunks ({@code trunks} null on a node without the PBX). */
    RoutingServices routing(Trunks trunks) {
        return new RoutingServices(carriers, router, imports, spans, decks, trunks, policies);
    }

    /** The policy of {@code router.policy.*} and the evidence of {@code router.quality.minAttempts}. */
    private static RoutingPolicy policy(RouterConfig config) {
        RoutingPolicyConfig p = config.policy();
        return new RoutingPolicy(new RoutingPolicy.Weights(p.priceWeight(), p.qualityWeight(), p.availabilityWeight()),
                new RoutingPolicy.QualityMix(p.asrWeight(), p.nerWeight(), p.pddWeight(), p.mosWeight()),
                new RoutingPolicy.Floors(p.minAsr(), Duration.ofMillis(p.maxPddMillis()), p.minMos()),
                new RoutingPolicy.Evidence(config.minAttempts(), p.minMosSamples(),
                        Duration.ofMillis(p.pddForZeroScoreMillis())));
    }

    @Override
    public void close() {
        importer.shutdownNow();
    }
}
