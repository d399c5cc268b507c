package com.crosspoint.media.dtmf;

import static com.crosspoint.media.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DtmfSenderTest {
    private final DtmfSender sender = new DtmfSender();

    @Test
    void a100MsDigitAt8kHz() {
        List<DtmfFrame> frames = sender.framesFor('5', 100);

        // 100 ms = 800 units; updates every 50 ms = 400 units
        assertThat(frames).extracting(DtmfFrame::marker, DtmfFrame::sendOffset, DtmfFrame::duration)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple(true, 0, 400),
                        org.assertj.core.api.Assertions.tuple(false, 400, 800),
                        org.assertj.core.api.Assertions.tuple(false, 800, 800),
                        org.assertj.core.api.Assertions.tuple(false, 1200, 800),
                        org.assertj.core.api.Assertions.tuple(false, 1600, 800));
        assertThat(frames.get(0).payload()).isEqualTo(bytes("05 0A 01 90")); // event 5, vol 10, 400
        assertThat(frames.get(1).payload()).isEqualTo(bytes("05 0A 03 20")); // 800
        for (DtmfFrame end : frames.subList(2, 5)) {
            assertThat(end.payload()).isEqualTo(bytes("05 8A 03 20")); // E=1, same duration, three times
        }
    }

    @Test
    void aDurationOffTheGridEndsOnTheExactLength() {
        List<DtmfFrame> frames = sender.framesFor('#', 120); // 960 units

        assertThat(frames).extracting(DtmfFrame::duration).containsExactly(400, 800, 960, 960, 960, 960);
        assertThat(frames).extracting(frame -> frame.event().end())
                .containsExactly(false, false, false, true, true, true);
        assertThat(frames).extracting(DtmfFrame::sendOffset).containsExactly(0, 400, 800, 1200, 1600, 2000);
    }

    @Test
    void wideband16kHzWith20MsUpdates() {
        List<DtmfFrame> frames = new DtmfSender(16000, 20, 6).framesFor('a', 40);

        assertThat(frames).extracting(DtmfFrame::duration).containsExactly(320, 640, 640, 640, 640);
        assertThat(frames.get(0).event()).isEqualTo(new TelephoneEvent(12, false, 6, 320));
    }

    @Test
    void whatTheSenderPlansTheReceiverReadsAsOneDigit() {
        DtmfReceiver receiver = new DtmfReceiver();
        List<DigitEvent> digits = new ArrayList<>();
        for (char key : "159*#D".toCharArray()) {
            long timestamp = 10_000L * (digits.size() + 1);
            for (DtmfFrame frame : sender.framesFor(key, 160)) {
                digits.addAll(receiver.onPacket(timestamp, frame.marker(), frame.event()));
            }
        }

        assertThat(digits).extracting(DigitEvent::digit).containsExactly('1', '5', '9', '*', '#', 'D');
        assertThat(digits).allSatisfy(digit -> {
            assertThat(digit.duration()).isEqualTo(1280);
            assertThat(digit.endSeen()).isTrue();
        });
    }

    @Test
    void rejectsWhatCannotBeSent() {
        assertThatThrownBy(() -> sender.framesFor('x', 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sender.framesFor('1', 0)).isInstanceOf(IllegalArgumentException.class);
        // 8192 ms = 65536 units: one more than the 16-bit duration holds
        assertThatThrownBy(() -> sender.framesFor('1', 8192)).isInstanceOf(IllegalArgumentException.class);
        assertThat(sender.framesFor('1', 8191)).isNotEmpty();
        assertThatThrownBy(() -> new DtmfSender(8000, 50, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DtmfSender(8001, 50, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
