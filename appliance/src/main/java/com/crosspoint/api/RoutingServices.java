package com.crosspoint.api;

import com.crosspoint.acr.AdaptiveCallRouter;
import com.crosspoint.acr.CarrierService;
import com.crosspoint.acr.RoutingPolicyService;
import com.crosspoint.acr.rate.DeckImports;
import com.crosspoint.acr.rate.DeckSpans;
import com.crosspoint.store.RateDeckStore;
import com.crosspoint.trunk.Trunks;

/**
 * What the API serves of the carrier edge (built by the composition root): the call router's carriers, decks and
 * explanations and routing policy, and the PBX's trunk servers.
 */
public record RoutingServices(CarrierService carriers, AdaptiveCallRouter router, DeckImports imports,
                              DeckSpans spans, RateDeckStore decks, Trunks trunks, RoutingPolicyService policies) {
}
