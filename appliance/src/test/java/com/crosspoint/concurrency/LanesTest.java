package com.crosspoint.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LanesTest {
    private static final int BOUND = 3;

    @Test
    void newWorkIsRefusedAtTheBoundWhileAdmittedWorkGoesOnUpToTheCeilingInOrder() throws Exception {
        try (Lanes lanes = new Lanes("test", 1, BOUND)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch running = new CountDownLatch(1);
            List<Integer> ran = new CopyOnWriteArrayList<>();
            lanes.admit("call", () -> {
                running.countDown();
                awaitRelease(release);
            });
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < BOUND; i++) {
                int n = i;
                lanes.admit("call", () -> ran.add(n));
            }
            assertThatThrownBy(() -> lanes.admit("call", () -> ran.add(-1)))
                    .isInstanceOf(RejectedExecutionException.class);

            // An admitted call's answer, BYE or timer must still run though the lane is busy...
            int ceiling = BOUND * Lanes.CEILING_FACTOR;
            for (int i = BOUND; i < ceiling; i++) {
                int n = i;
                lanes.execute("call", () -> ran.add(n));
            }
            // ...up to the hard ceiling, which keeps memory bounded.
            assertThatThrownBy(() -> lanes.execute("call", () -> ran.add(-2)))
                    .isInstanceOf(RejectedExecutionException.class);
            assertThat(lanes.rejectedCount()).isEqualTo(2);

            release.countDown();
            CountDownLatch drained = new CountDownLatch(1);
            await().atMost(Duration.ofSeconds(5)).until(() -> lanes.queued() < BOUND * Lanes.CEILING_FACTOR);
            lanes.execute("call", drained::countDown);
            assertThat(drained.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).containsExactlyElementsOf(
                    IntStream.range(0, ceiling).boxed().toList());
        }
    }

    private static void awaitRelease(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
