package com.crosspoint.media.rtp;

import static com.crosspoint.media.rtp.SequenceTracker.Outcome.BAD_JUMP;
import static com.crosspoint.media.rtp.SequenceTracker.Outcome.DUPLICATE;
import static com.crosspoint.media.rtp.SequenceTracker.Outcome.IN_ORDER;
import static com.crosspoint.media.rtp.SequenceTracker.Outcome.OUT_OF_ORDER;
import static com.crosspoint.media.rtp.SequenceTracker.Outcome.PROBATION;
import static com.crosspoint.media.rtp.SequenceTracker.Outcome.RESYNCHRONISED;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.media.rtp.SequenceTracker.Outcome;
import org.junit.jupiter.api.Test;

class SequenceTrackerTest {
    private static final long SSRC = 0x1234;
    private final SequenceTracker tracker = new SequenceTracker();

    @Test
    void aNewSourceNeedsTwoSequentialPacketsAndTheSecondBecomesTheBase() {
        assertThat(tracker.update(SSRC, 100)).isEqualTo(PROBATION);
        assertThat(tracker.synchronised()).isFalse();
        assertThat(tracker.expected()).isZero();

        assertThat(tracker.update(SSRC, 101)).isEqualTo(IN_ORDER);

        assertThat(tracker.synchronised()).isTrue();
        assertThat(tracker.baseSequence()).isEqualTo(101);
        assertThat(tracker.received()).isEqualTo(1);
        assertThat(tracker.expected()).isEqualTo(1);
    }

    @Test
    void aBrokenProbationStartsOver() {
        assertThat(tracker.update(SSRC, 1)).isEqualTo(PROBATION);
        assertThat(tracker.update(SSRC, 5)).isEqualTo(PROBATION); // not 2: probation restarts at 5
        assertThat(tracker.update(SSRC, 6)).isEqualTo(IN_ORDER);
        assertThat(tracker.baseSequence()).isEqualTo(6);
    }

    @Test
    void extendsTheSequenceAcrossTheWrapAt65535() {
        feed(65533, 65534, 65535, 0, 1);

        // base 65534 (65533 was probation); 65535, then 0 and 1 in the second cycle
        assertThat(tracker.extendedHighestSequence()).isEqualTo(65536 + 1);
        assertThat(tracker.lastExtendedSequence()).isEqualTo(65537);
        assertThat(tracker.expected()).isEqualTo(65537 - 65534 + 1);
        assertThat(tracker.received()).isEqualTo(4);
    }

    @Test
    void aLatePacketFromBeforeTheWrapKeepsItsOldCycle() {
        feed(65533, 65534, 0, 1);

        assertThat(tracker.update(SSRC, 65535)).isEqualTo(OUT_OF_ORDER);

        assertThat(tracker.lastExtendedSequence()).isEqualTo(65535);
        assertThat(tracker.extendedHighestSequence()).isEqualTo(65537);
        assertThat(tracker.outOfOrder()).isEqualTo(1);
    }

    @Test
    void tellsDuplicatesFromReorderedPackets() {
        feed(10, 11, 13);

        assertThat(tracker.update(SSRC, 13)).isEqualTo(DUPLICATE); // the highest again
        assertThat(tracker.update(SSRC, 12)).isEqualTo(OUT_OF_ORDER);
        assertThat(tracker.update(SSRC, 12)).isEqualTo(DUPLICATE);
        assertThat(tracker.update(SSRC, 11)).isEqualTo(DUPLICATE);

        assertThat(tracker.duplicates()).isEqualTo(3);
        assertThat(tracker.outOfOrder()).isEqualTo(1);
        // A.1 counts duplicates as received: 11, 13, 13, 12, 12, 11
        assertThat(tracker.received()).isEqualTo(6);
        assertThat(tracker.expected()).isEqualTo(3);
    }

    @Test
    void aGapBelowMaxDropoutIsInOrder() {
        feed(1000, 1001);

        assertThat(tracker.update(SSRC, 1001 + SequenceTracker.MAX_DROPOUT - 1)).isEqualTo(IN_ORDER);
        assertThat(tracker.expected()).isEqualTo(SequenceTracker.MAX_DROPOUT);
    }

    @Test
    void aGapOfMaxDropoutIsAJumpThatTheNextPacketConfirms() {
        feed(1000, 1001);
        int jumped = 1001 + SequenceTracker.MAX_DROPOUT;

        assertThat(tracker.update(SSRC, jumped)).isEqualTo(BAD_JUMP);
        assertThat(tracker.received()).isEqualTo(1);
        assertThat(tracker.update(SSRC, jumped + 1)).isEqualTo(RESYNCHRONISED);

        assertThat(tracker.baseSequence()).isEqualTo(jumped + 1);
        assertThat(tracker.received()).isEqualTo(1);
        assertThat(tracker.expected()).isEqualTo(1);
    }

    @Test
    void anUnconfirmedJumpIsDroppedAndTheStreamGoesOn() {
        feed(1000, 1001);

        assertThat(tracker.update(SSRC, 30000)).isEqualTo(BAD_JUMP);
        assertThat(tracker.update(SSRC, 1002)).isEqualTo(IN_ORDER);
        assertThat(tracker.extendedHighestSequence()).isEqualTo(1002);
    }

    @Test
    void misorderBoundaryFollowsMaxMisorder() {
        feed(1000, 1001);

        // 1001 - 100 is 65436 behind modulo 2^16, which A.1 treats as a jump, not a late packet
        assertThat(tracker.update(SSRC, 1001 - SequenceTracker.MAX_MISORDER)).isEqualTo(BAD_JUMP);
        assertThat(tracker.update(SSRC, 1001 - SequenceTracker.MAX_MISORDER + 1)).isEqualTo(OUT_OF_ORDER);
    }

    @Test
    void aNewSsrcRestartsOnProbation() {
        feed(500, 501, 502);
        long generation = tracker.generation();

        assertThat(tracker.update(0x9999, 7)).isEqualTo(PROBATION);
        assertThat(tracker.ssrc()).isEqualTo(0x9999);
        assertThat(tracker.update(0x9999, 8)).isEqualTo(IN_ORDER);

        assertThat(tracker.baseSequence()).isEqualTo(8);
        assertThat(tracker.received()).isEqualTo(1);
        assertThat(tracker.generation()).isGreaterThan(generation);
    }

    @Test
    void validMatchesTheReturnValueOfUpdateSeq() {
        assertThat(PROBATION.valid()).isFalse();
        assertThat(BAD_JUMP.valid()).isFalse();
        assertThat(IN_ORDER.valid()).isTrue();
        assertThat(OUT_OF_ORDER.valid()).isTrue();
        assertThat(DUPLICATE.valid()).isTrue();
        assertThat(RESYNCHRONISED.valid()).isTrue();
    }

    @Test
    void countsAFullCycleOfSixtyFiveThousandPackets() {
        int start = 60000;
        for (int i = 0; i <= 70000; i++) {
            Outcome outcome = tracker.update(SSRC, (start + i) & 0xFFFF);
            assertThat(outcome).isEqualTo(i == 0 ? PROBATION : IN_ORDER);
        }
        assertThat(tracker.extendedHighestSequence()).isEqualTo(start + 70000);
        assertThat(tracker.expected()).isEqualTo(70000);
        assertThat(tracker.received()).isEqualTo(70000);
    }

    private void feed(int... sequenceNumbers) {
        for (int seq : sequenceNumbers) {
            tracker.update(SSRC, seq);
        }
    }
}
