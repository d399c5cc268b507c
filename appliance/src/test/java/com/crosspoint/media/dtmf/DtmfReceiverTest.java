package com.crosspoint.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DtmfReceiverTest {
    private final DtmfReceiver receiver = new DtmfReceiver();
    private final List<DigitEvent> digits = new ArrayList<>();

    @Test
    void oneDigitPerPressDespiteThreeEndPackets() {
        packet(1000, true, 5, false, 400);
        packet(1000, false, 5, false, 800);
        assertThat(digits).isEmpty();

        packet(1000, false, 5, true, 1280);
        packet(1000, false, 5, true, 1280);
        packet(1000, false, 5, true, 1280);

        assertThat(digits).containsExactly(new DigitEvent('5', 1000, 1280, true));
    }

    @Test
    void aLostStartPacketStillYieldsTheDigit() {
        packet(2000, false, 11, false, 800); // the marker packet never arrived
        packet(2000, false, 11, true, 960);
        packet(2000, false, 11, true, 960);

        assertThat(digits).containsExactly(new DigitEvent('#', 2000, 960, true));
    }

    @Test
    void onlyEndPacketsArrivingStillYieldOneDigit() {
        packet(2000, false, 0, true, 960);
        packet(2000, false, 0, true, 960);

        assertThat(digits).containsExactly(new DigitEvent('0', 2000, 960, true));
    }

    @Test
    void theSameKeyPressedTwiceIsTwoDigitsByTimestamp() {
        press(1000, 1);
        press(3000, 1);

        assertThat(digits).extracting(DigitEvent::digit, DigitEvent::rtpTimestamp)
                .containsExactly(org.assertj.core.api.Assertions.tuple('1', 1000L),
                        org.assertj.core.api.Assertions.tuple('1', 3000L));
    }

    @Test
    void lostEndPacketsAreInferredFromTheNextDigit() {
        packet(1000, true, 7, false, 400);
        packet(1000, false, 7, false, 800);
        assertThat(digits).isEmpty();

        packet(3000, true, 8, false, 400);

        assertThat(digits).containsExactly(new DigitEvent('7', 1000, 800, false));
    }

    @Test
    void aLoneEndOfTheNextDigitReportsBoth() {
        packet(1000, true, 7, false, 400);

        List<DigitEvent> both = receiver.onPacket(3000, false, new TelephoneEvent(8, true, 10, 800));

        assertThat(both).containsExactly(new DigitEvent('7', 1000, 400, false), new DigitEvent('8', 3000, 800, true));
    }

    @Test
    void lateAndReorderedPacketsOfAnEarlierDigitAreDropped() {
        press(1000, 2);
        packet(3000, true, 3, false, 400);
        packet(1000, false, 2, false, 800); // a stale update of the first press

        assertThat(digits).extracting(DigitEvent::digit).containsExactly('2');

        packet(3000, false, 3, true, 800);
        packet(1000, false, 2, true, 800); // and a stale end after the second press ended
        assertThat(digits).extracting(DigitEvent::digit).containsExactly('2', '3');
    }

    @Test
    void aMarkerWithAnOlderTimestampIsANewDigit() {
        press(90_000, 4);

        // the sender restarted its timestamps (new SSRC, re-INVITE): the marker says "new event"
        packet(500, true, 6, false, 400);
        packet(500, false, 6, true, 800);

        assertThat(digits).extracting(DigitEvent::digit).containsExactly('4', '6');
    }

    @Test
    void timestampsAreComparedModulo2To32() {
        press(0xFFFF_FE00L, 9);
        press(0x0000_0100L, 1); // after the wrap: newer, not older

        assertThat(digits).extracting(DigitEvent::digit).containsExactly('9', '1');
    }

    @Test
    void nonDtmfEventsAreIgnored() {
        packet(1000, true, 16, false, 400); // flash
        packet(1000, false, 16, true, 800);

        assertThat(digits).isEmpty();
        assertThat(receiver.flush()).isEmpty();
    }

    @Test
    void flushReportsADigitWhoseEndNeverCame() {
        packet(1000, true, 12, false, 400);

        assertThat(receiver.flush()).containsExactly(new DigitEvent('A', 1000, 400, false));
        assertThat(receiver.flush()).isEmpty();
        packet(1000, false, 12, true, 800); // its end after all: already reported
        assertThat(digits).isEmpty();
    }

    @Test
    void durationIsTheLongestSeenEvenIfUpdatesArriveOutOfOrder() {
        packet(1000, true, 5, false, 400);
        packet(1000, false, 5, false, 1200);
        packet(1000, false, 5, false, 800);
        packet(1000, false, 5, true, 1000); // a broken sender's shorter end

        assertThat(digits).containsExactly(new DigitEvent('5', 1000, 1200, true));
    }

    private void press(long timestamp, int event) {
        packet(timestamp, true, event, false, 400);
        packet(timestamp, false, event, true, 800);
        packet(timestamp, false, event, true, 800);
        packet(timestamp, false, event, true, 800);
    }

    private void packet(long timestamp, boolean marker, int event, boolean end, int duration) {
        digits.addAll(receiver.onPacket(timestamp, marker, new TelephoneEvent(event, end, 10, duration)));
    }
}
