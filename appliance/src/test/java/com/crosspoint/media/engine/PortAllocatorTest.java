package com.crosspoint.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {

    @Test
    void handsOutEvenPortsWithRoomForRtcpThenRefuses() {
        PortAllocator ports = new PortAllocator(10001, 10006); // even pairs inside: 10002/3, 10004/5
        assertThat(ports.capacity()).isEqualTo(2);
        Set<Integer> got = Set.of(ports.allocate().getAsInt(), ports.allocate().getAsInt());
        assertThat(got).containsExactlyInAnyOrder(10002, 10004);
        assertThat(ports.allocate()).isEmpty();
        assertThat(ports.inUse()).isEqualTo(2);
        ports.release(10002);
        assertThat(ports.allocate()).as("the only free pair, though it rests").hasValue(10002);
    }

    @Test
    void allocationIsNotSequentialAndStaysInTheRangeInEvenPairs() {
        PortAllocator ports = new PortAllocator(20000, 29999);
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            got.add(ports.allocate().getAsInt());
        }
        assertThat(got).allMatch(p -> p % 2 == 0 && p >= 20000 && p + 1 <= 29999).doesNotHaveDuplicates();
        int steps = 0;
        for (int i = 1; i < got.size(); i++) {
            if (got.get(i) == got.get(i - 1) + 2) {
                steps++;
            }
        }
        // 200 draws of 5000 pairs: the next pair up by chance about 0.04 times; sequential allocation: 199 times
        assertThat(steps).as("allocations that were the previous one's next pair: " + got).isLessThan(3);
        // spread over the range, not clustered at its start
        assertThat(got.stream().filter(p -> p >= 25000).count()).isBetween(60L, 140L);
    }

    @Test
    void theFirstPortOfAFreshAllocatorCannotBeGuessed() {
        Set<Integer> firsts = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            firsts.add(new PortAllocator(20000, 29999).allocate().getAsInt());
        }
        assertThat(firsts).as("distinct first ports in 100 fresh allocators").hasSizeGreaterThan(90);
    }

    @Test
    void aReleasedPairRestsWhileOthersAreFree() {
        PortAllocator ports = new PortAllocator(20000, 20039, new SplittableRandom(7)); // 20 pairs: 10 may rest
        int first = ports.allocate().getAsInt();
        ports.release(first);
        Set<Integer> next = new HashSet<>();
        for (int i = 0; i < 19; i++) {
            next.add(ports.allocate().getAsInt());
        }
        assertThat(next).as("every other pair goes first").doesNotContain(first).hasSize(19);
        assertThat(ports.allocate()).as("then the resting one").hasValue(first);
        assertThat(ports.allocate()).isEmpty();
    }

    @Test
    void releasedPairsRestInTurnWhileTheRangeIsBusy() {
        PortAllocator ports = new PortAllocator(20000, 20039, new SplittableRandom(11)); // 20 pairs, 10 may rest
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(ports.allocate().getAsInt());
        }
        for (int i = 0; i < 12; i++) {
            ports.release(all.get(i)); // 12 released: the two released first rest no longer
        }
        Set<Integer> handedOut = Set.of(ports.allocate().getAsInt(), ports.allocate().getAsInt());
        assertThat(handedOut).containsExactlyInAnyOrder(all.get(0), all.get(1));
    }

    @Test
    void aPairInUseIsNeverHandedOutAgain() {
        PortAllocator ports = new PortAllocator(20000, 20199, new SplittableRandom(3)); // 100 pairs
        Set<Integer> inUse = new HashSet<>();
        SplittableRandom choice = new SplittableRandom(5);
        for (int round = 0; round < 5_000; round++) {
            if (inUse.size() < 100 && (inUse.isEmpty() || choice.nextBoolean())) {
                int port = ports.allocate().getAsInt();
                assertThat(inUse.add(port)).as("port " + port + " handed out while in use").isTrue();
            } else {
                Integer port = inUse.iterator().next();
                inUse.remove(port);
                ports.release(port);
            }
            assertThat(ports.inUse()).isEqualTo(inUse.size());
        }
    }

    @Test
    void releasingWhatWasNotAllocatedIsABug() {
        PortAllocator ports = new PortAllocator(20000, 20009);
        assertThatThrownBy(() -> ports.release(20000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ports.release(20001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ports.release(30000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortAllocator(20001, 20001)).isInstanceOf(IllegalArgumentException.class);
        int port = ports.allocate().getAsInt();
        ports.release(port);
        assertThatThrownBy(() -> ports.release(port)).as("released twice").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentCallersNeverShareAPair() throws Exception {
        PortAllocator ports = new PortAllocator(30000, 31999);
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    int duplicates = 0;
                    for (int i = 0; i < 250; i++) {
                        OptionalInt p = ports.allocate();
                        if (!seen.add(p.getAsInt())) {
                            duplicates++;
                        }
                    }
                    return duplicates;
                }));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).hasSize(1000);
        assertThat(ports.allocate()).isEmpty();
    }
}
