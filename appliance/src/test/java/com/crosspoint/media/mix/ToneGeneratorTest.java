package com.crosspoint.media.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToneGeneratorTest {
    private final short[] frame = new short[160];

    @Test
    void aToneIsPhaseContinuousAcrossFrames() {
        Tone tone = new Tone(440, 1000, -6);
        short[] all = play(ToneGenerator.of(tone), 50);
        double amplitude = tone.amplitude();
        // away from the ramps every sample is the one closed-form sine, so frame edges left no seam
        for (int n = ToneGenerator.RAMP_SAMPLES; n < all.length - ToneGenerator.RAMP_SAMPLES; n++) {
            double expected = amplitude * Math.sin(2 * Math.PI * 440 * n / 8000);
            assertThat((double) all[n]).as("sample %d", n).isCloseTo(expected, org.assertj.core.data.Offset.offset(1.0));
        }
        assertThat(amplitude).isCloseTo(32767 / 1.995, org.assertj.core.data.Offset.offset(10.0));
    }

    @Test
    void aToneHasItsFrequencyAndLevel() {
        short[] all = play(ToneGenerator.of(new Tone(1000, 500, -10)), 25);
        double amplitude = 32767 * Math.pow(10, -10 / 20.0);
        double power = Goertzel.power(all, 800, 1600, 1000, 8000);
        assertThat(power).isBetween(amplitude * amplitude * 0.98, amplitude * amplitude * 1.02);
        assertThat(Goertzel.power(all, 800, 1600, 1500, 8000)).isLessThan(amplitude * amplitude * 1e-4);
        int peak = 0;
        for (short s : all) {
            peak = Math.max(peak, Math.abs(s));
        }
        assertThat(peak).isBetween((int) amplitude - 2, (int) amplitude + 1);
    }

    @Test
    void itEndsAfterItsDurationAndThenIsSilent() {
        ToneGenerator beep = ToneGenerator.beep(); // 250 ms = 12.5 frames
        assertThat(beep.totalSamples()).isEqualTo(2000);
        int sounding = 0;
        while (beep.next(frame)) {
            sounding++;
            assertThat(sounding).isLessThan(20);
        }
        assertThat(sounding).isEqualTo(13);
        assertThat(beep.finished()).isTrue();
        assertThat(beep.next(frame)).isFalse();
        assertThat(frame).containsOnly((short) 0);
    }

    @Test
    void theLastPartialFrameIsPaddedWithSilence() {
        ToneGenerator beep = ToneGenerator.beep();
        short[] all = play(beep, 13);
        assertThat(java.util.Arrays.copyOfRange(all, 2000, 2080)).containsOnly((short) 0);
        assertThat(java.util.Arrays.copyOfRange(all, 1900, 1960)).isNotEqualTo(new short[60]);
    }

    @Test
    void edgesRampInsteadOfClicking() {
        short[] all = play(ToneGenerator.of(new Tone(1000, 100, 0)), 5);
        assertThat(Math.abs(all[1])).isLessThan(2000); // far below full scale at the start
        assertThat(Math.abs(all[799])).isLessThan(1000); // and at the end
    }

    @Test
    void joinRisesAndLeaveFalls() {
        short[] join = play(ToneGenerator.joinTone(), 15);
        short[] leave = play(ToneGenerator.leaveTone(), 15);
        // first tone 120 ms = 960 samples, second 180 ms = 1440 samples
        assertThat(Goertzel.power(join, 80, 800, 600, 8000)).isGreaterThan(Goertzel.power(join, 80, 800, 900, 8000) * 100);
        assertThat(Goertzel.power(join, 1040, 1280, 900, 8000)).isGreaterThan(Goertzel.power(join, 1040, 1280, 600, 8000) * 100);
        assertThat(Goertzel.power(leave, 80, 800, 900, 8000)).isGreaterThan(Goertzel.power(leave, 80, 800, 600, 8000) * 100);
        assertThat(Goertzel.power(leave, 1040, 1280, 600, 8000)).isGreaterThan(Goertzel.power(leave, 1040, 1280, 900, 8000) * 100);
    }

    @Test
    void aPauseIsSilent() {
        short[] all = play(ToneGenerator.of(new Tone(800, 20, -6), Tone.pause(40), new Tone(800, 20, -6)), 4);
        assertThat(java.util.Arrays.copyOfRange(all, 160, 480)).containsOnly((short) 0);
        assertThat(java.util.Arrays.copyOfRange(all, 480, 640)).isNotEqualTo(new short[160]);
    }

    @Test
    void tonesAreValidated() {
        assertThatThrownBy(() -> new Tone(4000, 100, -6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tone(-1, 100, -6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tone(440, 0, -6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tone(440, 100, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tone(Double.NaN, 100, -6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ToneGenerator(List.of(), 8000, 160)).isInstanceOf(IllegalArgumentException.class);
    }

    private short[] play(ToneGenerator generator, int frames) {
        short[] all = new short[frames * 160];
        for (int f = 0; f < frames; f++) {
            generator.next(frame);
            System.arraycopy(frame, 0, all, f * 160, 160);
        }
        return all;
    }
}
