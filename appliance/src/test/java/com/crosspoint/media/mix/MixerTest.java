package com.crosspoint.media.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MixerTest {
    private static final int FRAME = 160;
    private static final double[] FREQUENCIES = {500, 800, 1200};
    private static final double AMPLITUDE = 8000;

    private final Mixer mixer = new Mixer(FRAME, 32);

    @Test
    void eachParticipantHearsTheOtherTwoAndNotItself() {
        int ticks = 5;
        short[][] heard = new short[3][FRAME * ticks];
        short[][] inputs = new short[3][FRAME];
        short[][] outputs = new short[3][FRAME];
        boolean[] muted = new boolean[3];
        for (int t = 0; t < ticks; t++) {
            for (int p = 0; p < 3; p++) {
                sine(inputs[p], FREQUENCIES[p], t * FRAME);
            }
            mixer.mix(inputs, muted, outputs, 3);
            for (int p = 0; p < 3; p++) {
                System.arraycopy(outputs[p], 0, heard[p], t * FRAME, FRAME);
            }
        }
        double full = AMPLITUDE * AMPLITUDE;
        for (int p = 0; p < 3; p++) {
            for (int q = 0; q < 3; q++) {
                double power = Goertzel.power(heard[p], FREQUENCIES[q]);
                if (p == q) {
                    assertThat(power).as("participant %d hears itself", p).isLessThan(full * 1e-6);
                } else {
                    assertThat(power).as("participant %d hears %d", p, q).isBetween(full * 0.98, full * 1.02);
                }
            }
        }
    }

    @Test
    void theSumSaturatesAtFullScaleInsteadOfWrapping() {
        short[][] inputs = {constant(30_000), constant(30_000), constant(-30_000), constant(-30_000), null};
        short[][] outputs = new short[5][FRAME];
        boolean[] muted = new boolean[5];
        mixer.mix(inputs, muted, outputs, 5);
        assertThat(outputs[4]).containsOnly((short) 0); // +60000 - 60000: exact before saturation
        mixer.mix(new short[][] {constant(30_000), constant(30_000), null}, new boolean[3], outputs, 3);
        assertThat(outputs[2]).containsOnly(Short.MAX_VALUE);
        assertThat(outputs[0]).containsOnly((short) 30_000);
        mixer.mix(new short[][] {constant(-30_000), constant(-30_000), null}, new boolean[3], outputs, 3);
        assertThat(outputs[2]).containsOnly(Short.MIN_VALUE);
    }

    @Test
    void aMutedParticipantContributesNothingButStillHears() {
        short[][] inputs = {constant(100), constant(1000), constant(10_000)};
        short[][] outputs = new short[3][FRAME];
        boolean[] muted = {false, true, false};
        mixer.mix(inputs, muted, outputs, 3);
        assertThat(outputs[0]).containsOnly((short) 10_000);
        assertThat(outputs[1]).containsOnly((short) 10_100);
        assertThat(outputs[2]).containsOnly((short) 100);
    }

    @Test
    void anAbsentFrameIsSilence() {
        short[][] inputs = {constant(7), null, constant(-3)};
        short[][] outputs = new short[3][FRAME];
        mixer.mix(inputs, new boolean[3], outputs, 3);
        assertThat(outputs[0]).containsOnly((short) -3);
        assertThat(outputs[1]).containsOnly((short) 4);
        assertThat(outputs[2]).containsOnly((short) 7);
    }

    @Test
    void twentyFiveParticipantsEachHearTheRest() {
        int n = 25;
        short[][] inputs = new short[n][];
        short[][] outputs = new short[n][FRAME];
        int total = 0;
        for (int p = 0; p < n; p++) {
            inputs[p] = constant((p + 1) * 10);
            total += (p + 1) * 10;
        }
        mixer.mix(inputs, new boolean[n], outputs, n);
        for (int p = 0; p < n; p++) {
            assertThat(outputs[p]).containsOnly((short) (total - (p + 1) * 10));
        }
    }

    @Test
    void staleOutputIsOverwrittenAndUnusedSlotsLeftAlone() {
        short[][] outputs = {constant(999), constant(999), constant(555)};
        mixer.mix(new short[][] {null, null, constant(1)}, new boolean[3], outputs, 2);
        assertThat(outputs[0]).containsOnly((short) 0);
        assertThat(outputs[1]).containsOnly((short) 0);
        assertThat(outputs[2]).containsOnly((short) 555);
    }

    @Test
    void limitsAreChecked() {
        assertThatThrownBy(() -> mixer.mix(new short[33][], new boolean[33], new short[33][FRAME], 33))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mixer.mix(new short[][] {new short[80]}, new boolean[1], new short[][] {new short[160]}, 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new Mixer(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mixer(160, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void sine(short[] frame, double frequency, int startSample) {
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * frequency * (startSample + i) / 8000));
        }
    }

    private static short[] constant(int value) {
        short[] frame = new short[FRAME];
        java.util.Arrays.fill(frame, (short) value);
        return frame;
    }
}
