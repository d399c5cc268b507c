package com.crosspoint.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Refusals are counted each, and reported in one line at most once per interval. */
class EdgeRefusalsTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<String> lines = new ArrayList<>();
    private final EdgeRefusals refusals = new EdgeRefusals(Duration.ofSeconds(60), now::get, lines::add);

    @Test
    void aFloodCostsOneLinePerInterval() {
        for (int i = 0; i < 1000; i++) {
            refusals.count(EdgeRefusals.Reason.CONTACTS_PER_AOR);
        }
        assertThat(lines).hasSize(1);
        now.addAndGet(59_000);
        refusals.count(EdgeRefusals.Reason.CALLS_PER_DEVICE);
        assertThat(lines).hasSize(1);
        now.addAndGet(1_000);
        refusals.count(EdgeRefusals.Reason.CALLS_PER_DEVICE);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("since the last report): contacts-per-aor=999, calls-per-device=2")
                .contains("since start: contacts-per-aor=1000, calls-per-device=2");
        assertThat(refusals.snapshot()).containsEntry(EdgeRefusals.Reason.CONTACTS_PER_AOR, 1000L)
                .containsEntry(EdgeRefusals.Reason.CALLS_PER_DEVICE, 2L);
    }
}
