package com.crosspoint.sip.b2bua;

import com.crosspoint.media.engine.AudioSource;
import com.crosspoint.media.mix.Tone;
import com.crosspoint.media.mix.ToneGenerator;

/** The ringing tone a caller hears while the appliance rings someone for them: 425 Hz, 1 s on, 4 s off. */
final class Ringback {
    /** One cadence, 8 kHz; looped. */
    static final short[] SAMPLES = cadence();

    private Ringback() {
    }

    private static short[] cadence() {
        ToneGenerator tones = ToneGenerator.of(new Tone(425, 1000, -12), Tone.pause(4000));
        short[] all = new short[(int) tones.totalSamples()];
        short[] frame = new short[AudioSource.FRAME_SAMPLES];
        for (int at = 0; at < all.length && tones.next(frame); at += frame.length) {
            System.arraycopy(frame, 0, all, at, Math.min(frame.length, all.length - at));
        }
        return all;
    }
}
