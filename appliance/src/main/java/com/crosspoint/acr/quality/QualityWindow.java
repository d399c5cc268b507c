package com.crosspoint.acr.quality;

/**
 * Sliding-window sums of one carrier (and destination group): a ring of buckets, each stamped with the bucket
 * number (time / bucket length) it holds, so a bucket is cleared when time comes round to it again and a quiet
 * window needs no timer. Guarded by its own lock: a recording touches one bucket, a reading sums the ring; both are
 * a few dozen instructions, so the lock is uncontended at thousands of calls per second.
 */
final class QualityWindow {
    private final long bucketMillis;
    private final int buckets;
    private final long[] stamp;
    private final long[] attempts;
    private final long[] answered;
    private final long[] effective;
    private final long[] pddCount;
    private final long[] pddSumMillis;
    private final long[] durationSumMillis;
    private final long[] mosCount;
    /** MOS in hundredths, summed: exact, and two decimals are all a MOS has. */
    private final long[] mosSumCenti;

    QualityWindow(WindowSettings settings) {
        this.bucketMillis = settings.bucket().toMillis();
        this.buckets = settings.buckets();
        this.stamp = new long[buckets];
        java.util.Arrays.fill(stamp, Long.MIN_VALUE);
        this.attempts = new long[buckets];
        this.answered = new long[buckets];
        this.effective = new long[buckets];
        this.pddCount = new long[buckets];
        this.pddSumMillis = new long[buckets];
        this.durationSumMillis = new long[buckets];
        this.mosCount = new long[buckets];
        this.mosSumCenti = new long[buckets];
    }

    synchronized void record(CallOutcome outcome) {
        long endedMillis = outcome.ended().toEpochMilli();
        int slot = slot(Math.floorDiv(endedMillis, bucketMillis));
        if (slot < 0) {
            return;
        }
        attempts[slot]++;
        CallResult result = outcome.result();
        if (result == CallResult.ANSWERED) {
            answered[slot]++;
            if (outcome.answered() != null) {
                durationSumMillis[slot] += Math.max(0, endedMillis - outcome.answered().toEpochMilli());
            }
        }
        if (result.effective()) {
            effective[slot]++;
        }
        if (outcome.firstResponse() != null) {
            pddCount[slot]++;
            pddSumMillis[slot] += Math.max(0, outcome.firstResponse().toEpochMilli() - outcome.started().toEpochMilli());
        }
        if (!Double.isNaN(outcome.mos())) {
            mosCount[slot]++;
            mosSumCenti[slot] += Math.round(outcome.mos() * 100);
        }
    }

    /** The figures of the buckets inside the window that ends at {@code nowMillis}. */
    synchronized QualityFigures figures(long nowMillis) {
        long current = Math.floorDiv(nowMillis, bucketMillis);
        long a = 0, ans = 0, eff = 0, pddN = 0, pdd = 0, dur = 0, mosN = 0, mos = 0;
        for (int i = 0; i < buckets; i++) {
            if (stamp[i] > current - buckets && stamp[i] <= current) {
                a += attempts[i];
                ans += answered[i];
                eff += effective[i];
                pddN += pddCount[i];
                pdd += pddSumMillis[i];
                dur += durationSumMillis[i];
                mosN += mosCount[i];
                mos += mosSumCenti[i];
            }
        }
        if (a == 0) {
            return QualityFigures.NONE;
        }
        return new QualityFigures(a, ans, (double) ans / a, (double) eff / a, ans == 0 ? 0 : dur / 1000.0 / ans,
                pddN == 0 ? 0 : (double) pdd / pddN, pddN, mosN == 0 ? Double.NaN : mos / 100.0 / mosN, mosN);
    }

    /** The slot of bucket {@code number}, cleared first if it held an older bucket; -1 for a bucket gone by. */
    private int slot(long number) {
        int slot = (int) Math.floorMod(number, (long) buckets);
        if (stamp[slot] != number) {
            if (stamp[slot] > number) {
                return -1; // older than the whole window of the newest outcome: nothing would ever read it
            }
            stamp[slot] = number;
            attempts[slot] = 0;
            answered[slot] = 0;
            effective[slot] = 0;
            pddCount[slot] = 0;
            pddSumMillis[slot] = 0;
            durationSumMillis[slot] = 0;
            mosCount[slot] = 0;
            mosSumCenti[slot] = 0;
        }
        return slot;
    }
}
