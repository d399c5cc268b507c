package com.crosspoint.proxy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.crosspoint.proxy.transport.InputWatch;
import org.junit.jupiter.api.Test;

/**
 * The admission rules without a proxy: the pending bound, and the admitted share cut by a standing queue of input (an
 * input not found empty for a whole interval) and growing back once it drains, faster the idler the readers.
 */
class AdmissionTest {
    private static final long MILLI = 1_000_000L;
    private static final long INTERVAL = Admission.INTERVAL_MILLIS * MILLI;

    private long now;
    private final Admission admission = new Admission(3, 2, true, now);
    private final InputWatch udp = new InputWatch(now);

    AdmissionTest() {
        admission.watch(udp);
    }

    /** One interval in which the UDP input was last found empty {@code millisBeforeItsEnd} before its end. */
    private void intervalDrained(long millisBeforeItsEnd) {
        intervalDrained(millisBeforeItsEnd, 0.0);
    }

    /** The same, the two readers busy {@code occupancy} of it. */
    private void intervalDrained(long millisBeforeItsEnd, double occupancy) {
        admission.busy((long) (occupancy * 2 * INTERVAL));
        now += INTERVAL;
        udp.drained(now - millisBeforeItsEnd * MILLI);
        admission.endInterval(now);
    }

    /** One interval in which no reader found the UDP input empty. */
    private void intervalNeverDrained() {
        now += INTERVAL;
        admission.endInterval(now);
    }

    private int admittedOf(int draws) {
        int n = 0;
        for (int i = 0; i < draws; i++) {
            if (admission.admit()) {
                n++;
            }
        }
        return n;
    }

    @Test
    void belowThePendingBoundEverythingIsAdmittedAndAtItNothing() {
        assertThat(admittedOf(100)).isEqualTo(100);
        admission.started();
        admission.started();
        admission.started();
        assertThat(admission.admit()).isFalse();
        admission.finished();
        assertThat(admission.admit()).isTrue();
        assertThat(admission.pending()).isEqualTo(2);
    }

    @Test
    void withoutInputsNothingIsKnownToQueue() {
        Admission unwatched = new Admission(3, 2, true, 0);
        for (int i = 1; i <= 10; i++) {
            unwatched.endInterval(i * INTERVAL);
        }
        assertThat(unwatched.share()).isEqualTo(1.0);
        assertThat(unwatched.backlogMillis()).isZero();
    }

    @Test
    void aQueueThatDrainsWithinTheIntervalIsNoOverload() {
        // busy readers that still find the socket empty now and then: a burst, a GC cycle, a core shared with the load
        for (long lastEmpty : new long[] {0, 10, 60, 90, 99, 5}) {
            intervalDrained(lastEmpty);
            assertThat(admission.share()).as("last empty %d ms before the end", lastEmpty).isEqualTo(1.0);
        }
        assertThat(admission.backlogMillis()).isEqualTo(5);
    }

    @Test
    void aStandingQueueCutsTheShareEachIntervalItStaysDownToTheFloor() {
        intervalDrained(0);
        intervalNeverDrained(); // last empty exactly one interval ago: the queue stood for all of it
        assertThat(admission.backlogMillis()).isEqualTo(Admission.STANDING_MILLIS);
        assertThat(admission.share()).isEqualTo(Admission.CUT);
        intervalNeverDrained();
        assertThat(admission.share()).isCloseTo(Admission.CUT * Admission.CUT, offset(1e-9));
        assertThat(admission.backlogMillis()).isEqualTo(2 * Admission.STANDING_MILLIS);
        for (int i = 0; i < 50; i++) {
            intervalNeverDrained();
        }
        assertThat(admission.share()).as("never to nothing: some calls keep getting through")
                .isEqualTo(Admission.MIN_SHARE);
        assertThat(admittedOf(1000)).isPositive();
    }

    @Test
    void onceTheQueueDrainsTheShareGrowsBackGraduallyToAllWhileTheReadersAreBusy() {
        intervalDrained(0);
        for (int i = 0; i < 3; i++) {
            intervalNeverDrained();
        }
        double cut = admission.share();
        intervalDrained(1, 0.6);
        assertThat(admission.share()).isCloseTo(cut * Admission.GROWTH, offset(1e-9));
        intervalDrained(1, 0.6);
        assertThat(admission.share()).as("a little each interval, not all at once: the load is still there")
                .isCloseTo(cut * Admission.GROWTH * Admission.GROWTH, offset(1e-9)).isLessThan(0.7);
        for (int i = 0; i < 30; i++) {
            intervalDrained(1, 0.6);
        }
        assertThat(admission.share()).isEqualTo(1.0);
        assertThat(admittedOf(1000)).isEqualTo(1000);
    }

    @Test
    void afterAStallIdleReadersGetTheShareBackWithinAFewIntervals() {
        intervalDrained(0);
        for (int i = 0; i < 7; i++) {
            intervalNeverDrained(); // a collector's cycle or a lost core: the queue stood 0.7 s
        }
        assertThat(admission.share()).isLessThan(0.25);
        intervalDrained(1, 0.04); // drained, and the readers are idle nearly all the time
        assertThat(admission.share()).isLessThan(0.5);
        intervalDrained(1, 0.05);
        intervalDrained(1, 0.08);
        assertThat(admission.share()).as("back to all in three intervals, not fifteen").isEqualTo(1.0);
    }

    @Test
    void growthIsFasterTheIdlerTheReadersAndNeverBelowTheGradualStep() {
        assertThat(Admission.growth(0.0)).isEqualTo(Admission.MAX_GROWTH);
        assertThat(Admission.growth(Admission.HEADROOM / Admission.MAX_GROWTH)).isEqualTo(Admission.MAX_GROWTH);
        assertThat(Admission.growth(0.2)).isCloseTo(Admission.HEADROOM / 0.2, offset(1e-9))
                .isBetween(Admission.GROWTH, Admission.MAX_GROWTH);
        assertThat(Admission.growth(Admission.HEADROOM)).isEqualTo(Admission.GROWTH);
        assertThat(Admission.growth(1.0)).isEqualTo(Admission.GROWTH);
        double previous = Double.MAX_VALUE;
        for (double occupancy = 0; occupancy <= 1.0; occupancy += 0.01) {
            double g = Admission.growth(occupancy);
            assertThat(g).as("occupancy %.2f", occupancy).isLessThanOrEqualTo(previous);
            previous = g;
        }
    }

    @Test
    void anInputWithAReaderWaitingOnItIsEmptyHoweverLongTheWait() {
        udp.waiting(true, now);
        for (int i = 0; i < 10; i++) {
            intervalNeverDrained(); // idle for a second: the reader waits in the selector
        }
        assertThat(admission.share()).isEqualTo(1.0);
        assertThat(admission.backlogMillis()).isZero();
        now += 10 * INTERVAL; // woken, then not scheduled for a second on a busy box
        udp.waiting(false, now - 9 * INTERVAL);
        admission.endInterval(now);
        assertThat(admission.backlogMillis()).as("empty until the wait ended, queued since")
                .isEqualTo(9 * Admission.INTERVAL_MILLIS);
        assertThat(admission.share()).isEqualTo(Admission.CUT);
    }

    @Test
    void anyBackedUpInputCountsEvenWhenAnotherKeepsUp() {
        intervalDrained(0);
        InputWatch tcp = new InputWatch(now); // opened now, found empty then
        admission.watch(tcp);
        now += INTERVAL;
        udp.drained(now); // UDP keeps up, the TCP loop has not been found idle since
        admission.endInterval(now);
        assertThat(admission.share()).isEqualTo(Admission.CUT);
        assertThat(admission.backlogMillis()).isEqualTo(Admission.INTERVAL_MILLIS);
    }

    @Test
    void aCutShareAdmitsAboutThatShareOfNewRequests() {
        intervalDrained(0);
        for (int i = 0; i < 5; i++) {
            intervalNeverDrained(); // 0.8^5 = 0.33
        }
        int admitted = admittedOf(20_000);
        assertThat(admitted).isBetween((int) (20_000 * (admission.share() - 0.03)),
                (int) (20_000 * (admission.share() + 0.03)));
    }

    @Test
    void theOccupancyIsStillMeasuredForTheGauge() {
        admission.busy(INTERVAL); // one of the two threads busy all the interval
        intervalDrained(0);
        assertThat(admission.occupancy()).isEqualTo(0.5);
    }

    @Test
    void withoutOverloadControlOnlyThePendingBoundCounts() {
        Admission bounded = new Admission(1, 2, false, 0);
        bounded.watch(new InputWatch(0));
        for (int i = 1; i <= 5; i++) {
            bounded.endInterval(i * INTERVAL);
        }
        assertThat(bounded.backlogMillis()).as("still measured").isEqualTo(5 * Admission.INTERVAL_MILLIS);
        assertThat(bounded.share()).isEqualTo(1.0);
        assertThat(bounded.admit()).isTrue();
        bounded.started();
        assertThat(bounded.admit()).isFalse();
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new Admission(0, 2, true, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Admission(1, 0, true, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
