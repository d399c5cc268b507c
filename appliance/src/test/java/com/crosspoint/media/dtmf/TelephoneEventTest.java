package com.crosspoint.media.dtmf;

import static com.crosspoint.media.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TelephoneEventTest {

    @Test
    void writesTheRfc4733Layout() {
        // digit 5, end, volume 10 (-10 dBm0), duration 1280 (160 ms at 8 kHz)
        assertThat(new TelephoneEvent(5, true, 10, 1280).toBytes()).isEqualTo(bytes("""
                05          // event 5
                8A          // E=1 R=0 volume 001010
                05 00       // duration 1280
                """));
        // '#' (11), not ended, volume 63, duration 65535
        assertThat(new TelephoneEvent(11, false, 63, 65535).toBytes()).isEqualTo(bytes("0B 3F FF FF"));
    }

    @Test
    void parsesAndIgnoresTheReservedBit() throws Exception {
        // R set (0x40): receivers must ignore it
        TelephoneEvent event = TelephoneEvent.parse(bytes("05 CA 05 00"));

        assertThat(event).isEqualTo(new TelephoneEvent(5, true, 10, 1280));
    }

    @Test
    void readsOnlyTheFirstBlockFromThePosition() throws Exception {
        ByteBuffer payload = ByteBuffer.wrap(bytes("FF | 01 0A 01 90 | 02 0A 00 A0"));
        payload.position(1);

        assertThat(TelephoneEvent.parse(payload)).isEqualTo(new TelephoneEvent(1, false, 10, 400));
        assertThat(payload.position()).isEqualTo(1);
    }

    @Test
    void tooShortIsTyped() {
        MalformedDtmfException e = catchThrowableOfType(MalformedDtmfException.class,
                () -> TelephoneEvent.parse(bytes("05 8A 05")));

        assertThat(e.reason()).isEqualTo(MalformedDtmfException.Reason.TOO_SHORT);
    }

    @Test
    void roundTripsEveryFieldCombination() throws Exception {
        Random random = new Random(4733);
        for (int i = 0; i < 1000; i++) {
            TelephoneEvent event = new TelephoneEvent(random.nextInt(256), random.nextBoolean(), random.nextInt(64),
                    random.nextInt(65536));
            assertThat(TelephoneEvent.parse(event.toBytes())).isEqualTo(event);
        }
    }

    @Test
    void rejectsOutOfRangeFields() {
        assertThatThrownBy(() -> new TelephoneEvent(256, false, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TelephoneEvent(0, false, 64, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TelephoneEvent(0, false, 0, 65536)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapsTheSixteenDtmfEvents() {
        StringBuilder keys = new StringBuilder();
        for (int event = 0; event < 16; event++) {
            keys.append(DtmfSymbols.toChar(event));
            assertThat(DtmfSymbols.toEvent(DtmfSymbols.toChar(event))).hasValue(event);
        }
        assertThat(keys).hasToString("0123456789*#ABCD");
        assertThat(DtmfSymbols.toEvent('d')).hasValue(15);
        assertThat(DtmfSymbols.toEvent('E')).isEmpty();
        assertThat(DtmfSymbols.isDtmf(16)).isFalse(); // flash
        assertThatThrownBy(() -> DtmfSymbols.toChar(16)).isInstanceOf(IllegalArgumentException.class);
    }
}
