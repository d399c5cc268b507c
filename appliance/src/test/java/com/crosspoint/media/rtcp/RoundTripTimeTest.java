package com.crosspoint.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RoundTripTimeTest {

    @Test
    void reproducesTheRfc3550Example() {
        // RFC 3550 §6.4.1 Figure 2: A = 0xb710:8000 (46864.500 s), LSR = 0xb705:2000 (46853.125 s),
        // DLSR = 0x0005:4000 (5.250 s): delay = A - LSR - DLSR = 0x0006:2000 = 6.125 s
        ReportBlock block = new ReportBlock(1, 0, 0, 0, 0, 0xB705_2000L, 0x0005_4000L);
        NtpTime arrival = new NtpTime(0xB710, 0x8000_0000L);

        assertThat(RoundTripTime.of(block, arrival)).contains(Duration.ofMillis(6125));
    }

    @Test
    void survivesTheWrapOfTheCompactClock() {
        // LSR just before the 16-bit seconds wrap, arrival 0.5 s after it, DLSR 0.25 s: RTT 0.75 s
        ReportBlock block = new ReportBlock(1, 0, 0, 0, 0, 0xFFFF_8000L, 0x0000_4000L);
        NtpTime arrival = new NtpTime(0x0001_0000L, 0x8000_0000L);

        assertThat(RoundTripTime.of(block, arrival)).contains(Duration.ofMillis(750));
    }

    @Test
    void noRoundTripBeforeThePeerHasSeenAnSr() {
        ReportBlock block = new ReportBlock(1, 0, 0, 0, 0, 0, 0);

        assertThat(RoundTripTime.of(block, new NtpTime(0xB710, 0))).isEmpty();
    }

    @Test
    void aNegativeResultMeansBrokenClocksAndIsDropped() {
        // DLSR claims more time held than has passed since LSR
        ReportBlock block = new ReportBlock(1, 0, 0, 0, 0, 0xB705_0000L, 0x0010_0000L);

        assertThat(RoundTripTime.of(block, new NtpTime(0xB710, 0))).isEmpty();
    }
}
