package com.crosspoint.media.dtmf;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans the RFC 4733 packets for one key press; the engine stamps them with one RTP timestamp
 * and sends each at its offset. The first packet has the marker and already covers one packet
 * interval (the tone is generated a packet ahead, as for audio); updates follow every interval
 * with the duration so far; the end is sent three times with the final duration (§2.5.1.4),
 * continuing the same pacing grid.
 */
public final class DtmfSender {
    public static final int DEFAULT_CLOCK_RATE = 8000;
    public static final int DEFAULT_INTERVAL_MILLIS = 50;
    public static final int DEFAULT_VOLUME = 10;
    public static final int END_PACKETS = 3;

    private final int clockRate;
    private final int intervalMillis;
    private final int volume;

    public DtmfSender(int clockRate, int intervalMillis, int volume) {
        if (clockRate <= 0 || clockRate % 1000 != 0) {
            throw new IllegalArgumentException("clock rate must be a positive multiple of 1000 Hz: " + clockRate);
        }
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("interval must be positive: " + intervalMillis);
        }
        if (volume < 0 || volume > 63) {
            throw new IllegalArgumentException("volume must be 0..63: " + volume);
        }
        this.clockRate = clockRate;
        this.intervalMillis = intervalMillis;
        this.volume = volume;
    }

    /** 8 kHz, 50 ms updates, −10 dBm0. */
    public DtmfSender() {
        this(DEFAULT_CLOCK_RATE, DEFAULT_INTERVAL_MILLIS, DEFAULT_VOLUME);
    }

    /**
     * @param digit          0–9, *, #, A–D (a–d accepted)
     * @param durationMillis how long the key is held; must fit the 16-bit duration field
     */
    public List<DtmfFrame> framesFor(char digit, int durationMillis) {
        int event = DtmfSymbols.toEvent(digit)
                .orElseThrow(() -> new IllegalArgumentException("not a DTMF key: " + digit));
        int unitsPerMilli = clockRate / 1000;
        long total = (long) durationMillis * unitsPerMilli;
        if (durationMillis <= 0 || total > 0xFFFF) {
            throw new IllegalArgumentException("duration must be 1.." + 0xFFFF / unitsPerMilli + " ms: "
                    + durationMillis);
        }
        int interval = intervalMillis * unitsPerMilli;
        List<DtmfFrame> frames = new ArrayList<>();
        int offset = 0;
        while (offset < total) {
            int duration = (int) Math.min(offset + (long) interval, total);
            frames.add(new DtmfFrame(new TelephoneEvent(event, false, volume, duration), offset == 0, offset));
            offset += interval;
        }
        for (int i = 0; i < END_PACKETS; i++) {
            frames.add(new DtmfFrame(new TelephoneEvent(event, true, volume, (int) total), false, offset + i * interval));
        }
        return frames;
    }
}
