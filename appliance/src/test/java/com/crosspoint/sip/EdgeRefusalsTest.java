package com.crosspoint.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refusals are counted each, and reported in one line at most once per interval. */
class EdgeRefusalsTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final List<String> lines = new ArrayList<>();
    private final EdgeRefusals refusals = new EdgeRefusals(Duration.ofSeconds(60), new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }, lines::add);

    @Test
    void aFloodCostsOneLinePerInterval() {
        for (int i = 0; i < 1000; i++) {
            refusals.count(EdgeRefusals.Reason.CONTACTS_PER_AOR);
        }
        assertThat(lines).hasSize(1);
        now = now.plusSeconds(59);
        refusals.count(EdgeRefusals.Reason.CALLS_PER_DEVICE);
        assertThat(lines).hasSize(1);
        now = now.plusSeconds(1);
        refusals.count(EdgeRefusals.Reason.CALLS_PER_DEVICE);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("since the last report): contacts-per-aor=999, calls-per-device=2")
                .contains("since start: contacts-per-aor=1000, calls-per-device=2");
        assertThat(refusals.snapshot()).containsEntry(EdgeRefusals.Reason.CONTACTS_PER_AOR, 1000L)
                .containsEntry(EdgeRefusals.Reason.CALLS_PER_DEVICE, 2L);
    }
}
