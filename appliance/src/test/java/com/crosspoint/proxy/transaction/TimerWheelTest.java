package com.crosspoint.proxy.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
