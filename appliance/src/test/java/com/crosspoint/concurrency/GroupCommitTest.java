package com.crosspoint.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The group commit's contract with a fake store: batches form while one commits, a bad change fails alone. */
class GroupCommitTest {
    /** Commits batches of numbers; refuses any batch holding a negative one, as a database refuses a bad row. */
    private static final class Store {
        final List<List<Integer>> batches = new ArrayList<>();
        final List<Integer> stored = new ArrayList<>();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        void commit(List<Integer> batch) {
            synchronized (this) {
                batches.add(List.copyOf(batch));
            }
            if (entered.getCount() > 0) {
                entered.countDown();
                await(release);
            }
            if (batch.stream().anyMatch(n -> n < 0)) {
                throw new IllegalArgumentException("negative");
            }
            synchronized (this) {
                stored.addAll(batch);
            }
        }
    }

    @Test
    void changesQueuedDuringACommitGoTogetherAndABadOneFailsAlone() throws Exception {
        Store store = new Store();
        List<CompletableFuture<Void>> good = new ArrayList<>();
        CompletableFuture<Void> bad;
        try (GroupCommit<Integer> commits = new GroupCommit<>("test-commits", 100, store::commit, n -> "number " + n)) {
            good.add(commits.write(0));
            assertThat(store.entered.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i <= 6; i++) {
                good.add(commits.write(i));
            }
            bad = commits.write(-1);
            good.add(commits.write(7));
            store.release.countDown();
            for (CompletableFuture<Void> f : good) {
                f.get(5, TimeUnit.SECONDS);
            }
            assertThat(bad).failsWithin(5, TimeUnit.SECONDS);
        }
        assertThat(store.batches.get(1)).as("queued during the first commit, committed as one batch")
                .containsExactly(1, 2, 3, 4, 5, 6, -1, 7);
        assertThat(store.stored).as("every good change stored, in order").containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void aBatchIsNeverLargerThanItsMaximum() throws Exception {
        Store store = new Store();
        try (GroupCommit<Integer> commits = new GroupCommit<>("test-commits", 3, store::commit, n -> "number " + n)) {
            CompletableFuture<Void> first = commits.write(0);
            assertThat(store.entered.await(5, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Void>> queued = new ArrayList<>();
            for (int i = 1; i <= 7; i++) {
                queued.add(commits.write(i));
            }
            store.release.countDown();
            first.get(5, TimeUnit.SECONDS);
            for (CompletableFuture<Void> f : queued) {
                f.get(5, TimeUnit.SECONDS);
            }
        }
        assertThat(store.batches).allSatisfy(b -> assertThat(b.size()).isLessThanOrEqualTo(3));
        assertThat(store.stored).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void closeCommitsWhatIsQueuedAndLaterWritesFail() throws Exception {
        Store store = new Store();
        store.entered.countDown();
        GroupCommit<Integer> commits = new GroupCommit<>("test-commits", 100, store::commit, n -> "number " + n);
        CompletableFuture<Void> queued = commits.write(1);
        commits.close();

        assertThat(queued).isCompleted();
        assertThat(store.stored).containsExactly(1);
        assertThat(commits.write(2)).isCompletedExceptionally();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
