package com.crosspoint.console.it;

import com.crosspoint.acr.AdaptiveCallRouter;
import com.crosspoint.acr.CallAttempt;
import com.crosspoint.acr.policy.RouteTarget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls to one number, offered to the appliance's call router in-process the way its SIP proxy will (until the
 * router role lands): every tick a new call asks the router for its carriers and starts an attempt on the first,
 * which rings, is answered and ends a while later, each reported as it happens. A carrier taken out of service
 * gets no new call, because the router no longer offers it.
 */
final class RoutedTraffic implements AutoCloseable {
    private static final Duration RING = Duration.ofMillis(300);
    private static final Duration TALK = Duration.ofSeconds(2);

    private final AdaptiveCallRouter router;
    private final String number;
    private final Clock clock = Clock.systemUTC();
    private final List<Open> open = new ArrayList<>();
    private final Map<Long, AtomicLong> started = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "routed-traffic");
        t.setDaemon(true);
        return t;
    });

    private record Open(CallAttempt attempt, Instant started) {
    }

    private RoutedTraffic(AdaptiveCallRouter router, String number) {
        this.router = router;
        this.number = number;
    }

    /** Starts a call every {@code every} to {@code number} (E.164 with +). */
    static RoutedTraffic start(AdaptiveCallRouter router, String number, Duration every) {
        RoutedTraffic traffic = new RoutedTraffic(router, number);
        traffic.timer.scheduleAtFixedRate(traffic::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return traffic;
    }

    /** Calls started to the carrier so far. */
    long startedTo(long carrierId) {
        return started.computeIfAbsent(carrierId, id -> new AtomicLong()).get();
    }

    private void tick() {
        Instant now = clock.instant();
        for (Iterator<Open> it = open.iterator(); it.hasNext(); ) {
            Open call = it.next();
            Duration age = Duration.between(call.started(), now);
            if (age.compareTo(RING.plus(TALK)) >= 0) {
                call.attempt().ended(200, now);
                it.remove();
            } else if (age.compareTo(RING) >= 0) {
                call.attempt().answered(now);
            } else {
                call.attempt().provisional(now);
            }
        }
        List<RouteTarget> targets = router.route(number, now).carriersToTry();
        if (!targets.isEmpty()) {
            long carrierId = targets.get(0).carrier().id();
            router.attempts().start(carrierId, number.substring(1), now).ifPresent(attempt -> {
                open.add(new Open(attempt, now));
                started.computeIfAbsent(carrierId, id -> new AtomicLong()).incrementAndGet();
            });
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Instant now = clock.instant();
        open.forEach(call -> call.attempt().ended(200, now));
        open.clear();
    }
}
