package com.crosspoint.metrics;

import com.crosspoint.acr.AdaptiveCallRouter;
import com.crosspoint.acr.AttemptTotals;
import com.crosspoint.call.ActiveCalls;
import com.crosspoint.events.CallEvent;
import com.crosspoint.events.Event;
import com.crosspoint.events.EventBus;
import com.crosspoint.events.RegistrationEvent;
import com.crosspoint.model.Carrier;
import com.crosspoint.registrar.Registrar;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The node's figures for Prometheus ({@code GET /metrics}): JVM basics, what the SIP edge refused, calls and
 * registrations (live, and counted from the event bus), relayed calls, and the call router's routing decisions and
 * attempts per carrier. Everything is read when scraped, from counters the services keep anyway, except the event
 * counts, which a bus subscriber keeps (it never slows the SIP path: the bus drops for a slow subscriber).
 */
public final class ApplianceMetrics implements AutoCloseable {
    private static final String PREFIX = "crosspoint.";

    /** What the metrics read; {@code relayCalls} and {@code relayCallsOpened} may be null (no relay). */
    public record Sources(Registrar registrar, ActiveCalls calls, EventBus events,
                          Supplier<Map<String, Long>> sipRefusals, IntSupplier relayCalls, LongSupplier relayCallsOpened,
                          AdaptiveCallRouter router) {
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Sources sources;
    private final Set<Long> carriersBound = ConcurrentHashMap.newKeySet();
    private final Set<String> refusalsBound = ConcurrentHashMap.newKeySet();
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final EventBus.Subscription subscription;
    private final Counter callsStarted;
    /** Micrometer holds function meters' sources weakly: a method reference nobody else keeps would be collected. */
    private final List<Object> held = new CopyOnWriteArrayList<>();

    public ApplianceMetrics(Sources sources) {
        this.sources = sources;
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);

        Gauge.builder(PREFIX + "calls.active", sources.calls(), ActiveCalls::size)
                .description("Calls in progress").register(registry);
        callsStarted = Counter.builder(PREFIX + "calls").description("Calls set up since start").register(registry);
        Gauge.builder(PREFIX + "registrations.active", sources.registrar(), Registrar::size)
                .description("Live registrations (bindings)").register(registry);
        if (sources.relayCalls() != null) {
            Gauge.builder(PREFIX + "relay.calls.active", sources.relayCalls(), IntSupplier::getAsInt)
                    .description("Calls whose media the RTP relay anchors now").register(registry);
            FunctionCounter.builder(PREFIX + "relay.calls", sources.relayCallsOpened(), LongSupplier::getAsLong)
                    .description("Calls the RTP relay anchored since start").register(registry);
        }
        AttemptTotals totals = sources.router().totals();
        FunctionCounter.builder(PREFIX + "routes", totals, AttemptTotals::routed)
                .description("Routing decisions of the call router").register(registry);
        FunctionCounter.builder(PREFIX + "routes.unroutable", totals, AttemptTotals::unroutable)
                .description("Routing decisions that found no carrier").register(registry);
        subscription = sources.events().subscribe("metrics",
                e -> e instanceof RegistrationEvent || e instanceof CallEvent, this::count);
    }

    /** A monotonic count another service keeps, read at each scrape ({@code crosspoint.<name>}). */
    public void counter(String name, String description, LongSupplier value) {
        held.add(value);
        FunctionCounter.builder(PREFIX + name, value, LongSupplier::getAsLong).description(description)
                .register(registry);
    }

    /** A figure that goes up and down, read at each scrape ({@code crosspoint.<name>}). */
    public void gauge(String name, String description, IntSupplier value) {
        held.add(value);
        Gauge.builder(PREFIX + name, value, IntSupplier::getAsInt).description(description).register(registry);
    }

    /** As {@link #counter(String, String, LongSupplier)}, one series of several told apart by a label. */
    public void counter(String name, String description, String label, String labelValue, LongSupplier value) {
        held.add(value);
        FunctionCounter.builder(PREFIX + name, value, LongSupplier::getAsLong).description(description)
                .tag(label, labelValue).register(registry);
    }

    /** As {@link #gauge(String, String, IntSupplier)}, one series of several told apart by a label. */
    public void gauge(String name, String description, String label, String labelValue, IntSupplier value) {
        held.add(value);
        Gauge.builder(PREFIX + name, value, IntSupplier::getAsInt).description(description).tag(label, labelValue)
                .register(registry);
    }

    /** The Prometheus text exposition of every meter, as of now. */
    public String scrape() {
        bindNewCarriers();
        bindNewRefusalReasons();
        return registry.scrape();
    }

    private void count(Event e) {
        if (e instanceof CallEvent && e.type().equals("call.setup")) {
            callsStarted.increment();
        } else if (e instanceof RegistrationEvent) {
            Counter.builder(PREFIX + "registration.events").tag("type", e.type().substring("registration.".length()))
                    .description("Registrations added, refreshed, removed and expired").register(registry).increment();
        }
    }

    /** Carriers come and go while the node runs: their counters are bound when a scrape first sees them. */
    private void bindNewCarriers() {
        AttemptTotals totals = sources.router().totals();
        for (Carrier c : sources.router().carriers()) {
            if (carriersBound.add(c.id())) {
                AttemptTotals.PerCarrier counts = totals.of(c.id());
                carrierCounter("carrier.attempts", "Attempts started to the carrier", c, counts,
                        AttemptTotals.PerCarrier::started);
                carrierCounter("carrier.answered", "Attempts the carrier answered", c, counts,
                        AttemptTotals.PerCarrier::answered);
                carrierCounter("carrier.failed", "Attempts that failed at the carrier (408, 5xx)", c, counts,
                        AttemptTotals.PerCarrier::failed);
            }
        }
    }

    private void carrierCounter(String name, String description, Carrier c, AttemptTotals.PerCarrier counts,
                                java.util.function.ToDoubleFunction<AttemptTotals.PerCarrier> value) {
        FunctionCounter.builder(PREFIX + name, counts, value).description(description)
                .tag("carrier", c.name()).tag("carrier_id", Long.toString(c.id())).register(registry);
    }

    private void bindNewRefusalReasons() {
        for (String reason : sources.sipRefusals().get().keySet()) {
            if (refusalsBound.add(reason)) {
                FunctionCounter.builder(PREFIX + "sip.refusals", sources.sipRefusals(),
                                s -> s.get().getOrDefault(reason, 0L)).tag("reason", reason)
                        .description("What the SIP edge refused because a limit was reached").register(registry);
            }
        }
    }

    @Override
    public void close() {
        subscription.close();
        gc.close();
        registry.close();
    }
}
