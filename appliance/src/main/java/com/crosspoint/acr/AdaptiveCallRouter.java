package com.crosspoint.acr;

import com.crosspoint.acr.availability.BreakerState;
import com.crosspoint.acr.availability.CarrierAvailability;
import com.crosspoint.acr.availability.CircuitBreaker;
import com.crosspoint.acr.capacity.CarrierLoad;
import com.crosspoint.acr.capacity.CarrierLoads;
import com.crosspoint.acr.policy.CandidateFacts;
import com.crosspoint.acr.policy.RouteDecision;
import com.crosspoint.acr.policy.RoutePlanner;
import com.crosspoint.acr.policy.RoutingPolicy;
import com.crosspoint.acr.quality.CarrierQuality;
import com.crosspoint.acr.quality.CarrierSpend;
import com.crosspoint.acr.quality.QualityFigures;
import com.crosspoint.acr.rate.LiveRateTables;
import com.crosspoint.acr.rate.PrefixRateTable;
import com.crosspoint.acr.rate.RateMatch;
import com.crosspoint.model.Carrier;
import com.crosspoint.model.RateRow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Adaptive Call Router's brain, without SIP: for a dialled number, the carriers to try in order, from their
 * rates, their quality over the window, their breakers and their load ({@link #route}); the same with every
 * carrier's reasons for {@code routes/explain} ({@link #explain}). The proxy reports each attempt through
 * {@link #attempts()}, the OPTIONS prober through {@link #probes()}.
 *
 * <p>Carriers, decks and the policy are one immutable {@link RouterState} behind an atomic reference: a change
 * (a deck import, a new policy, a carrier taken out of service) is swapped in whole, without a lock on the routing
 * path. Rate dates are UTC days.
 */
public final class AdaptiveCallRouter implements LiveRateTables {
    private final AtomicReference<RouterState> state = new AtomicReference<>(RouterState.EMPTY);
    private final CarrierQuality quality;
    private final CarrierAvailability availability;
    private final CarrierLoads loads = new CarrierLoads();
    private final CarrierSpend spend;
    private final AttemptTotals totals = new AttemptTotals();
    private final Clock clock;
    private final CallAttempts attempts = this::start;

    public AdaptiveCallRouter(CarrierQuality quality, CarrierAvailability availability, Clock clock) {
        this.quality = quality;
        this.availability = availability;
        this.clock = clock;
        this.spend = new CarrierSpend(quality.settings(), clock);
    }

    /** The carriers to try for {@code number} (E.164 digits, '+' allowed) at {@code at}; may claim breaker trials. */
    public RouteDecision route(String number, Instant at) {
        RouteDecision decision = decide(number, at, true);
        totals.routed(decision.candidates().stream().anyMatch(c -> !c.excluded()));
        return decision;
    }

    /** As {@link #route}, for showing: claims nothing. */
    public RouteDecision explain(String number, Instant at) {
        return decide(number, at, false);
    }

    public CallAttempts attempts() {
        return attempts;
    }

    public CarrierAvailability probes() {
        return availability;
    }

    public CarrierQuality quality() {
        return quality;
    }

    /** Counts since start, for monitoring. */
    public AttemptTotals totals() {
        return totals;
    }

    /** What each carrier's answered calls cost over the quality window. */
    public CarrierSpend spend() {
        return spend;
    }

    /** Sets every carrier at once (at start); their tables stay. */
    public void replaceCarriers(Collection<Carrier> carriers) {
        state.updateAndGet(s -> s.withCarriers(List.copyOf(carriers)));
    }

    /** Adds or changes one carrier (a new limit, out of service). */
    public void putCarrier(Carrier carrier) {
        state.updateAndGet(s -> {
            List<Carrier> carriers = new ArrayList<>(s.carriers());
            carriers.removeIf(c -> c.id() == carrier.id());
            carriers.add(carrier);
            return s.withCarriers(carriers);
        });
    }

    /** Forgets a deleted carrier: its table, windows, breaker and load. */
    public void removeCarrier(long carrierId) {
        state.updateAndGet(s -> {
            List<Carrier> carriers = new ArrayList<>(s.carriers());
            carriers.removeIf(c -> c.id() == carrierId);
            return s.withCarriers(carriers).withTables(tables -> tables.remove(carrierId));
        });
        quality.remove(carrierId);
        spend.remove(carrierId);
        availability.remove(carrierId);
        loads.remove(carrierId);
    }

    @Override
    public void replace(long carrierId, PrefixRateTable table) {
        state.updateAndGet(s -> s.withTables(tables -> tables.put(carrierId, table)));
    }

    /** Sets every carrier's table at once (at start). */
    public void replaceTables(Map<Long, PrefixRateTable> tables) {
        state.updateAndGet(s -> s.withTables(current -> {
            current.clear();
            current.putAll(tables);
        }));
    }

    /**
     * What the carrier's active deck charges for {@code digits} (E.164 without '+') on a UTC day: the buy side of
     * billing, read from the tables the router routes on, so a corrected deck prices the next rating at once.
     */
    public Optional<RateMatch> rate(long carrierId, String digits, LocalDate day) {
        return state.get().table(carrierId).match(digits, day);
    }

    public void replacePolicy(RoutingPolicy policy) {
        state.updateAndGet(s -> s.withPolicy(policy));
    }

    public RoutingPolicy policy() {
        return state.get().policy();
    }

    /** A carrier's live calls. */
    public int channelsInUse(long carrierId) {
        return loads.of(carrierId).channels();
    }

    /** Calls started to a carrier in the current second. */
    public int callsThisSecond(long carrierId) {
        return loads.of(carrierId).callsThisSecond(clock.millis());
    }

    /** New calls per second to the carrier over the last {@link CarrierLoad#RATE_SECONDS} whole seconds. */
    public double recentCallsPerSecond(long carrierId) {
        return loads.of(carrierId).recentCallsPerSecond(clock.millis());
    }

    /** The carriers routed on now, by id. */
    public List<Carrier> carriers() {
        return state.get().carriers();
    }

    private RouteDecision decide(String number, Instant at, boolean claimTrials) {
        RouterState s = state.get();
        LocalDate date = LocalDate.ofInstant(at, ZoneOffset.UTC);
        String digits = digits(number);
        if (digits == null) {
            return new RouteDecision(number, date, List.of());
        }
        String group = quality.groupOf(digits);
        long now = clock.millis();
        List<CandidateFacts> facts = new ArrayList<>(s.carriers().size());
        for (Carrier carrier : s.carriers()) {
            Optional<RateMatch> rate = s.table(carrier.id()).match(digits, date);
            if (rate.isEmpty()) {
                facts.add(new CandidateFacts(carrier, null, QualityFigures.NONE, CandidateFacts.Availability.CLOSED,
                        0, 0, 0));
                continue;
            }
            CircuitBreaker breaker = availability.of(carrier.id());
            CandidateFacts.Availability seen = availability(breaker, carrier.inService() && claimTrials);
            CarrierLoad load = loads.of(carrier.id());
            facts.add(new CandidateFacts(carrier, rate.get(), quality.figures(carrier.id(), group), seen,
                    health(breaker, seen), load.channels(), load.callsThisSecond(now)));
        }
        return RoutePlanner.plan(digits, date, facts, s.policy());
    }

    private static CandidateFacts.Availability availability(CircuitBreaker breaker, boolean claim) {
        BreakerState breakerState = breaker.state();
        if (breakerState == BreakerState.CLOSED) {
            return CandidateFacts.Availability.CLOSED;
        }
        if (breakerState == BreakerState.OPEN) {
            return CandidateFacts.Availability.OPEN;
        }
        boolean trial = claim ? breaker.tryAcquireTrial() : breaker.wouldAdmit();
        return trial ? CandidateFacts.Availability.TRIAL : CandidateFacts.Availability.TRIAL_UNDER_WAY;
    }

    /** 1 without recent failures, less with each consecutive failure; a trial scores half. */
    private static double health(CircuitBreaker breaker, CandidateFacts.Availability seen) {
        return switch (seen) {
            case CLOSED -> Math.max(0, 1 - (double) breaker.consecutiveFailures()
                    / breaker.settings().failuresToOpen());
            case TRIAL -> 0.5;
            case OPEN, TRIAL_UNDER_WAY -> 0;
        };
    }

    private Optional<CallAttempt> start(long carrierId, String number, Instant at) {
        Carrier carrier = state.get().carrier(carrierId);
        CarrierLoad load = loads.of(carrierId);
        if (carrier != null && !load.tryStart(carrier.maxChannels(), carrier.maxCallsPerSecond(), clock.millis())) {
            return Optional.empty();
        }
        if (carrier == null) {
            load.tryStart(0, 0, clock.millis()); // a carrier deleted meanwhile: count the call, limits are gone
        }
        totals.started(carrierId);
        String digits = digits(number);
        RateMatch rate = digits == null ? null
                : state.get().table(carrierId).match(digits, LocalDate.ofInstant(at, ZoneOffset.UTC)).orElse(null);
        return Optional.of(new TrackedAttempt(carrierId, quality.groupOf(digits == null ? "" : digits), at, load,
                availability.of(carrierId), quality, rate, spend, totals));
    }

    /** The digits of an E.164 number with or without '+'; null when it is not one. */
    static String digits(String number) {
        String digits = number.startsWith("+") ? number.substring(1) : number;
        if (digits.isEmpty() || digits.length() > RateRow.MAX_PREFIX_DIGITS) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return null;
            }
        }
        return digits;
    }
}
