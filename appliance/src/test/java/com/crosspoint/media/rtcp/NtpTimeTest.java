package com.crosspoint.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NtpTimeTest {

    @Test
    void unixEpochIsNtpSecond2208988800() {
        NtpTime epoch = NtpTime.fromUnixMillis(0);

        assertThat(epoch.seconds()).isEqualTo(0x83AA7E80L);
        assertThat(epoch.fraction()).isZero();
        assertThat(epoch.toBits()).isEqualTo(0x83AA7E80_00000000L);
    }

    @Test
    void halfASecondIsHalfTheFraction() {
        assertThat(NtpTime.fromUnixMillis(500).fraction()).isEqualTo(0x8000_0000L);
        // 1 ms = 2^32 / 1000 = 4294967.296, truncated
        assertThat(NtpTime.fromUnixMillis(1).fraction()).isEqualTo(4_294_967L);
    }

    @Test
    void roundTripsUnixMillisAndWireBits() {
        long now = Instant.parse("2026-11-27T05:25:00.123Z").toEpochMilli();
        NtpTime ntp = NtpTime.fromUnixMillis(now);

        assertThat(ntp.toUnixMillis()).isEqualTo(now);
        assertThat(NtpTime.fromBits(ntp.toBits())).isEqualTo(ntp);
    }

    @Test
    void secondsBelowTwoToThe31AreEraOne() {
        // NTP second 0 of era 1 is 2036-02-07T06:28:16Z
        assertThat(Instant.ofEpochMilli(new NtpTime(0, 0).toUnixMillis()))
                .isEqualTo(Instant.parse("2036-02-07T06:28:16Z"));
        assertThat(NtpTime.fromUnixMillis(Instant.parse("2036-02-07T06:28:17Z").toEpochMilli()).seconds()).isEqualTo(1);
    }

    @Test
    void compactIsTheMiddle32Bits() {
        // RFC 3550 §6.4.1 example: 46864.500 s shows as 0xb710:8000
        assertThat(new NtpTime(0xABCD_B710L, 0x8000_1234L).compact()).isEqualTo(0xB710_8000L);
    }

    @Test
    void convertsCompactDurations() {
        assertThat(NtpTime.compactToDuration(0x0005_4000L)).isEqualTo(Duration.ofMillis(5250));
        assertThat(NtpTime.durationToCompact(Duration.ofMillis(5250))).isEqualTo(0x0005_4000L);
        // 1 ms = 65.536 units, truncated to 65
        assertThat(NtpTime.durationToCompact(Duration.ofMillis(1))).isEqualTo(65);
        assertThatThrownBy(() -> NtpTime.durationToCompact(Duration.ofSeconds(65536)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
