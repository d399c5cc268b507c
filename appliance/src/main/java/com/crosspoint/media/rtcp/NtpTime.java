package com.crosspoint.media.rtcp;

import java.time.Duration;

/**
 * An NTP timestamp (RFC 5905 §6): 32 bits of seconds since 1900 and 32 bits of fraction, as RTCP
 * sender reports carry it, plus the "compact" 16.16 middle bits that LSR and DLSR use
 * (RFC 3550 §6.4.1). Time is always handed in; nothing here reads a clock.
 *
 * @param seconds  seconds since 1900-01-01 modulo 2^32 (era 0 until 2036-02-07)
 * @param fraction units of 2^-32 s
 */
public record NtpTime(long seconds, long fraction) {
    /** Seconds from 1900-01-01 to 1970-01-01. */
    public static final long UNIX_EPOCH_OFFSET = 2_208_988_800L;
    private static final long ERA = 1L << 32;

    public NtpTime {
        Unsigned.require32(seconds, "seconds");
        Unsigned.require32(fraction, "fraction");
    }

    /** From the 64-bit wire value. */
    public static NtpTime fromBits(long bits) {
        return new NtpTime(bits >>> 32, bits & 0xFFFF_FFFFL);
    }

    public static NtpTime fromUnixMillis(long unixMillis) {
        if (unixMillis < 0) {
            throw new IllegalArgumentException("before 1970: " + unixMillis);
        }
        long seconds = (unixMillis / 1000 + UNIX_EPOCH_OFFSET) % ERA;
        long fraction = ((unixMillis % 1000) << 32) / 1000;
        return new NtpTime(seconds, fraction);
    }

    /** The 64-bit wire value. */
    public long toBits() {
        return seconds << 32 | fraction;
    }

    /**
     * Milliseconds since 1970, rounded to the nearest (so {@code fromUnixMillis} round-trips). Seconds below 2^31 are read as era 1 (after 2036),
     * the RFC 4330 §3 convention.
     */
    public long toUnixMillis() {
        long ntpSeconds = seconds < (1L << 31) ? seconds + ERA : seconds;
        return (ntpSeconds - UNIX_EPOCH_OFFSET) * 1000 + (fraction * 1000 + (1L << 31) >>> 32);
    }

    /** The middle 32 bits: low 16 bits of the seconds, high 16 bits of the fraction. */
    public long compact() {
        return (seconds & 0xFFFF) << 16 | fraction >>> 16;
    }

    /** A compact 16.16 value (LSR, DLSR, a round trip) as a duration. */
    public static Duration compactToDuration(long compact) {
        Unsigned.require32(compact, "compact");
        long nanos = ((compact & 0xFFFF) * 1_000_000_000L) >>> 16;
        return Duration.ofSeconds(compact >>> 16, nanos);
    }

    /** A duration as compact 16.16, truncated; durations beyond 65535 s do not fit. */
    public static long durationToCompact(Duration duration) {
        if (duration.isNegative() || duration.getSeconds() > 0xFFFF) {
            throw new IllegalArgumentException("outside 0..65535 s: " + duration);
        }
        return duration.getSeconds() << 16 | ((long) duration.getNano() << 16) / 1_000_000_000L;
    }
}
