package com.crosspoint.media.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacingPhasesTest {
    private final PacingPhases phases = new PacingPhases();

    @Test
    void newSessionsSpreadEvenlyOverThePhases() {
        List<Integer> assigned = new ArrayList<>();
        for (int i = 0; i < 3 * PacingPhases.COUNT; i++) {
            assigned.add(phases.assign());
        }
        for (int p = 0; p < PacingPhases.COUNT; p++) {
            assertThat(phases.sessionsIn(p)).as("phase %d", p).isEqualTo(3);
        }
        assertThat(assigned.subList(0, PacingPhases.COUNT)).doesNotHaveDuplicates();
    }

    @Test
    void aNewSessionFillsThePhaseThatEmptiedMost() {
        for (int i = 0; i < 2 * PacingPhases.COUNT; i++) {
            phases.assign();
        }
        phases.release(4);
        phases.release(4);
        phases.release(7);
        assertThat(phases.assign()).isEqualTo(4);
        assertThat(phases.assign()).as("4 and 7 both have one now: the lower").isEqualTo(4);
        assertThat(phases.assign()).isEqualTo(7);
        assertThat(phases.sessionsIn(4)).isEqualTo(2);
    }
}
