package com.crosspoint.media.engine;

import static com.crosspoint.media.engine.RtpDatagrams.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.media.codec.G711Ulaw;
import com.crosspoint.media.dtmf.DigitEvent;
import com.crosspoint.media.dtmf.DtmfFrame;
import com.crosspoint.media.dtmf.TelephoneEvent;
import com.crosspoint.media.rtp.RtpPacket;
import com.crosspoint.media.sdp.Direction;
import com.crosspoint.media.sdp.MediaParameters;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4733 both ways, tick by tick and packet by packet; no sockets. */
class DtmfPathTest {
    private static final MediaParameters WITH_EVENTS = new MediaParameters(G711Ulaw.INSTANCE, 0, 101, address(4000),
            null, Direction.SENDRECV, 20);
    private static final MediaParameters WITHOUT_EVENTS = new MediaParameters(G711Ulaw.INSTANCE, 0, -1,
            address(4000), null, Direction.SENDRECV, 20);

    private final List<DigitEvent> digits = new ArrayList<>();
    private final DtmfPath dtmf = new DtmfPath(digits::add);

    /** What each of {@code ticks} sending ticks carries: "audio", or the event packet and its timestamp. */
    private List<String> run(int ticks, long firstTimestamp, MediaParameters stream) {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            long timestamp = firstTimestamp + 160L * i;
            if (!dtmf.takesTick(timestamp, stream)) {
                sent.add("audio");
                continue;
            }
            DtmfFrame frame = dtmf.nextFrame();
            TelephoneEvent e = frame.event();
            sent.add(e.event() + (frame.marker() ? "M" : "") + (e.end() ? "E" : "") + " " + e.duration() + " @"
                    + dtmf.pressTimestamp());
        }
        return sent;
    }

    @Test
    void eachKeyIsAHundredMillisecondEventThenSixtyMillisecondsOfAudio() {
        assertThat(dtmf.offer("12", WITH_EVENTS)).isTrue();
        assertThat(run(21, 1000, WITH_EVENTS)).containsExactly(
                "1M 160 @1000", "1 320 @1000", "1 480 @1000", "1 640 @1000", "1 800 @1000",
                "1E 800 @1000", "1E 800 @1000", "1E 800 @1000",
                "audio", "audio", "audio",
                "2M 160 @2760", "2 320 @2760", "2 480 @2760", "2 640 @2760", "2 800 @2760",
                "2E 800 @2760", "2E 800 @2760", "2E 800 @2760",
                "audio", "audio");
    }

    @Test
    void whatCannotBeSentIsRefusedAndNothingQueued() {
        assertThatThrownBy(() -> dtmf.offer("1x", WITH_EVENTS)).isInstanceOf(IllegalArgumentException.class);
        assertThat(dtmf.offer("1", WITHOUT_EVENTS)).isFalse();
        assertThat(dtmf.offer("1", null)).isFalse();
        assertThat(dtmf.offer("1".repeat(DtmfPath.MAX_QUEUED + 1), WITH_EVENTS)).isFalse();
        assertThat(run(3, 0, WITH_EVENTS)).containsOnly("audio");
        assertThat(dtmf.offer("1".repeat(DtmfPath.MAX_QUEUED), WITH_EVENTS)).isTrue();
        assertThat(dtmf.offer("1", WITH_EVENTS)).isFalse(); // full
    }

    @Test
    void aKeyQueuedBeforeARenegotiationWithoutEventsIsDropped() {
        dtmf.offer("5", WITH_EVENTS);
        assertThat(run(2, 0, WITHOUT_EVENTS)).containsOnly("audio");
        assertThat(run(2, 320, WITH_EVENTS)).containsOnly("audio");
    }

    private ReceivedRtp event(int digit, boolean end, int duration, long timestamp, boolean marker) {
        byte[] payload = new TelephoneEvent(digit, end, 10, duration).toBytes();
        ReceivedRtp packet = new ReceivedRtp();
        packet.read(ByteBuffer.wrap(RtpPacket.of(marker, 101, 1, timestamp, 7, payload).toBytes()), address(4000), 0);
        return packet;
    }

    private void receive(ReceivedRtp packet) {
        assertThat(dtmf.admit(packet)).isTrue();
        dtmf.accept(packet);
    }

    @Test
    void aPressIsReportedOnceOnItsFirstEndPacket() {
        receive(event(9, false, 160, 5000, true));
        receive(event(9, false, 320, 5000, false));
        assertThat(digits).isEmpty();
        for (int i = 0; i < 3; i++) {
            receive(event(9, true, 800, 5000, false));
        }
        assertThat(digits).extracting(DigitEvent::digit).containsExactly('9');
        assertThat(digits.get(0).endSeen()).isTrue();
        assertThat(dtmf.digitsReceived()).isEqualTo(1);
    }

    @Test
    void aPressWhoseEndNeverCameIsReportedOnFlush() {
        receive(event(11, false, 160, 7000, true)); // '#'
        dtmf.flush();
        assertThat(digits).extracting(DigitEvent::digit).containsExactly('#');
        assertThat(digits.get(0).endSeen()).isFalse();
        dtmf.flush();
        assertThat(dtmf.digitsReceived()).isEqualTo(1);
    }

    @Test
    void aPayloadTooShortForAnEventIsNotAdmitted() {
        ReceivedRtp packet = new ReceivedRtp();
        packet.read(ByteBuffer.wrap(RtpPacket.of(true, 101, 1, 0, 7, new byte[] {1, 2}).toBytes()), address(4000),
                0);
        assertThat(dtmf.admit(packet)).isFalse();
    }
}
