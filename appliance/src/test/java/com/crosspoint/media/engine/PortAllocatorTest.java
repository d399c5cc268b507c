package com.crosspoint.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
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
        assertThat(ports.allocate()).hasValue(10002);
        assertThat(ports.allocate()).hasValue(10004);
        assertThat(ports.allocate()).isEmpty();
        assertThat(ports.inUse()).isEqualTo(2);
        ports.release(10002);
        assertThat(ports.allocate()).hasValue(10002);
    }

    @Test
    void roundRobinDoesNotReuseAJustReleasedPairAtOnce() {
        PortAllocator ports = new PortAllocator(20000, 20009);
        int first = ports.allocate().getAsInt();
        ports.release(first);
        assertThat(ports.allocate()).hasValue(first + 2);
    }

    @Test
    void releasingWhatWasNotAllocatedIsABug() {
        PortAllocator ports = new PortAllocator(20000, 20009);
        assertThatThrownBy(() -> ports.release(20000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ports.release(20001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ports.release(30000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortAllocator(20001, 20001)).isInstanceOf(IllegalArgumentException.class);
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
