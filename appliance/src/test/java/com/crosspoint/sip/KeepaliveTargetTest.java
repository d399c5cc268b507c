package com.crosspoint.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.model.Binding;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeepaliveTargetTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Binding binding = new Binding(1, 1, 1, "sip:1001@t.example", "sip:1001@192.168.1.20:5060", "cid", 1,
            T0.plusSeconds(60), "UDP", "203.0.113.7:40000", "ua", T0);

    @Test
    void oneOutstandingPingAtATimeAndOnlyOncePerInterval() {
        KeepaliveTarget t = new KeepaliveTarget(binding, T0.plusSeconds(5));
        assertThat(t.due(T0)).isFalse();
        assertThat(t.due(T0.plusSeconds(5))).isTrue();

        t.sending(T0.plusSeconds(25));
        assertThat(t.due(T0.plusSeconds(30))).as("the previous ping is still unanswered").isFalse();
        t.answered(true, T0.plusSeconds(31));
        assertThat(t.due(T0.plusSeconds(31))).isTrue();
    }

    @Test
    void missesAreCountedInARowAndAnAnswerAfterANotedRunSaysSo() {
        KeepaliveTarget t = new KeepaliveTarget(binding, T0);
        assertThat(t.answered(false, T0.plusSeconds(32))).isEqualTo(1);
        assertThat(t.missingSince()).isEqualTo(T0.plusSeconds(32));
        assertThat(t.answered(false, T0.plusSeconds(64))).isEqualTo(2);
        assertThat(t.answered(false, T0.plusSeconds(96))).isEqualTo(KeepaliveTarget.NOTED_AFTER);
        assertThat(t.missingSince()).as("since the first miss of the run").isEqualTo(T0.plusSeconds(32));

        assertThat(t.answered(true, T0.plusSeconds(100))).as("clears the note").isEqualTo(-1);
        assertThat(t.missingSince()).isNull();
        assertThat(t.answered(false, T0.plusSeconds(132))).isEqualTo(1);
        assertThat(t.answered(true, T0.plusSeconds(140))).as("a short run was never noted").isZero();
    }
}
