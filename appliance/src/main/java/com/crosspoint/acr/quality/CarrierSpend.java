package com.crosspoint.acr.quality;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each carrier's answered calls cost over the quality window: billed cost and talk time, summed in the same
 * ring of buckets as the quality figures, so that cost per minute follows the same 15 minutes the console shows.
 */
public final class CarrierSpend {
    private final WindowSettings settings;
    private final Clock clock;
    private final Map<Long, Ring> rings = new ConcurrentHashMap<>();

    public CarrierSpend(WindowSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * An answered call ended.
     *
     * @param costMicros what the carrier bills for it (its rate times the billed seconds), in micro-units
     * @param talkMillis how long it talked
     */
    public void record(long carrierId, long endedMillis, long costMicros, long talkMillis) {
        rings.computeIfAbsent(carrierId, id -> new Ring(settings)).add(endedMillis, costMicros, talkMillis);
    }

    /** Micro-units per minute of talk over the window; -1 without answered calls. */
    public long costPerMinuteMicros(long carrierId) {
        Ring ring = rings.get(carrierId);
        return ring == null ? -1 : ring.perMinute(clock.millis());
    }

    public void remove(long carrierId) {
        rings.remove(carrierId);
    }

    /** Buckets stamped with their number, cleared when time comes round to them (as {@link QualityWindow}). */
    private static final class Ring {
        private final long bucketMillis;
        private final long[] stamp;
        private final long[] cost;
        private final long[] talk;

        Ring(WindowSettings settings) {
            this.bucketMillis = settings.bucket().toMillis();
            this.stamp = new long[settings.buckets()];
            java.util.Arrays.fill(stamp, Long.MIN_VALUE);
            this.cost = new long[settings.buckets()];
            this.talk = new long[settings.buckets()];
        }

        synchronized void add(long atMillis, long costMicros, long talkMillis) {
            long number = Math.floorDiv(atMillis, bucketMillis);
            int slot = (int) Math.floorMod(number, (long) stamp.length);
            if (stamp[slot] > number) {
                return; // older than the window of the newest call
            }
            if (stamp[slot] != number) {
                stamp[slot] = number;
                cost[slot] = 0;
                talk[slot] = 0;
            }
            cost[slot] += costMicros;
            talk[slot] += talkMillis;
        }

        synchronized long perMinute(long nowMillis) {
            long current = Math.floorDiv(nowMillis, bucketMillis);
            long c = 0;
            long t = 0;
            for (int i = 0; i < stamp.length; i++) {
                if (stamp[i] > current - stamp.length && stamp[i] <= current) {
                    c += cost[i];
                    t += talk[i];
                }
            }
            return t == 0 ? -1 : Math.round(c * 60_000.0 / t);
        }
    }
}
