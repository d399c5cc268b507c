package com.crosspoint.proxy.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimerWheelTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final TimerWheel wheel = new TimerWheel(nanos::get, 10, 8);
    private final List<String> ran = new ArrayList<>();

    private void advance(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
        wheel.advance();
    }

    @Test
    void runsTasksWhenDueAndNotBefore() {
        wheel.schedule(() -> ran.add("a"), 500);
        wheel.schedule(() -> ran.add("b"), 20);
        advance(10);
        assertThat(ran).isEmpty();
        advance(10);
        assertThat(ran).containsExactly("b");
        advance(469);
        assertThat(ran).containsExactly("b");
        advance(11);
        assertThat(ran).containsExactly("b", "a");
        assertThat(wheel.scheduled()).isZero();
    }

    @Test
    void timeoutsLongerThanOneTurnWaitTheirRounds() {
        wheel.schedule(() -> ran.add("far"), 32_000); // 8 slots x 10 ms = 80 ms per turn
        advance(31_990);
        assertThat(ran).isEmpty();
        advance(10);
        assertThat(ran).containsExactly("far");
    }

    @Test
    void aCancelledTimeoutNeverRuns() {
        Timeout t = wheel.schedule(() -> ran.add("x"), 30);
        t.cancel();
        advance(100);
        assertThat(ran).isEmpty();
        assertThat(wheel.scheduled()).isZero();
    }

    @Test
    void cancellingLeavesTheWheelAtOnceAndLetsGoOfTheTask() {
        Timeout timerC = wheel.schedule(() -> ran.add("C"), 180_000);
        assertThat(wheel.scheduled()).isEqualTo(1);
        timerC.cancel();
        assertThat(wheel.scheduled()).as("out now, not when its slot comes round in three minutes").isZero();
        assertThat(timerC.task).as("what the task holds is not kept alive by the wheel").isNull();
        timerC.cancel();
        assertThat(wheel.scheduled()).as("cancelling twice counts once").isZero();
        advance(180_000);
        assertThat(ran).isEmpty();
    }

    @Test
    void cancellingTheHeadMiddleOrTailOfASlotKeepsTheOthers() {
        // 8 slots of 10 ms: 30, 110 and 190 ms share a slot, as do 40, 120, 200 and 280 ms
        Timeout a = wheel.schedule(() -> ran.add("a"), 30);
        wheel.schedule(() -> ran.add("b"), 110);
        Timeout c = wheel.schedule(() -> ran.add("c"), 190);
        wheel.schedule(() -> ran.add("d"), 40);
        Timeout e = wheel.schedule(() -> ran.add("e"), 120);
        wheel.schedule(() -> ran.add("f"), 200);
        Timeout g = wheel.schedule(() -> ran.add("g"), 280);
        c.cancel(); // the head of its slot (the newest)
        a.cancel(); // the tail
        e.cancel(); // the middle
        g.cancel(); // the head of the other
        assertThat(wheel.scheduled()).isEqualTo(3);
        advance(300);
        assertThat(ran).containsExactly("d", "b", "f");
        assertThat(wheel.scheduled()).isZero();
    }

    @Test
    void aTimeoutCancelledAfterItCameDueButBeforeItRanDoesNotRun() {
        // both due in the same tick, each cancelling the other: whichever runs first, the other must not
        Timeout[] both = new Timeout[2];
        both[0] = wheel.schedule(() -> {
            ran.add("first");
            both[1].cancel();
        }, 10);
        both[1] = wheel.schedule(() -> {
            ran.add("second");
            both[0].cancel();
        }, 10);
        advance(10);
        assertThat(ran).hasSize(1);
        assertThat(wheel.scheduled()).isZero();
    }

    @Test
    void threadsScheduleAndCancelWithoutWaitingForTheWheel() throws InterruptedException {
        // four threads schedule 10,000 timeouts each and cancel every other one while this thread advances the wheel:
        // each of those either ran first (a cancel after it is a no-op) or never runs
        AtomicInteger kept = new AtomicInteger();
        AtomicInteger cancelledButRan = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            threads.add(new Thread(() -> {
                for (int n = 0; n < 10_000; n++) {
                    boolean cancelIt = n % 2 == 0;
                    Runnable task = cancelIt ? cancelledButRan::incrementAndGet : kept::incrementAndGet;
                    Timeout t = wheel.schedule(task, n % 50);
                    if (cancelIt) {
                        t.cancel();
                        if (t.cancelled()) {
                            cancelled.incrementAndGet();
                        }
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            while (t.isAlive()) {
                advance(10);
            }
            t.join();
        }
        advance(1_000);
        assertThat(kept.get()).isEqualTo(20_000);
        assertThat(cancelled.get() + cancelledButRan.get()).isEqualTo(20_000);
        assertThat(wheel.scheduled()).isZero();
    }

    @Test
    void aTaskMayScheduleTheNextOne() {
        wheel.schedule(() -> {
            ran.add("first");
            wheel.schedule(() -> ran.add("second"), 0);
        }, 10);
        advance(10);
        assertThat(ran).containsExactly("first");
        advance(10);
        assertThat(ran).containsExactly("first", "second");
    }
}
