package com.crosspoint.conference;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.conference.ConferenceBridge.Participant;
import com.crosspoint.media.jitter.FrameKind;
import com.crosspoint.testing.AudioAnalysis;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The bridge driven as the pacing thread drives it: each tick every participant's sink gets its frame, then its
 * source is asked for what it hears, participant after participant.
 */
class ConferenceBridgeTest {
    private static final int FRAME = 160;
    private static final double AMPLITUDE = 1000; // 24 of them sum below full scale: no clipping

    /** One simulated phone: says a tone, keeps what it hears. */
    private static final class Phone {
        final Participant participant;
        final double hz;
        final List<Short> heard = new ArrayList<>();
        long sample;

        Phone(Participant participant, double hz) {
            this.participant = participant;
            this.hz = hz;
        }

        void tick(int tick, int skipFromTick) {
            short[] said = new short[FRAME];
            for (int i = 0; i < FRAME; i++, sample++) {
                said[i] = (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * hz * sample / 8000));
            }
            participant.sink().accept(said, FrameKind.PLAYED);
            short[] out = new short[FRAME];
            if (participant.source().next(out) && tick >= skipFromTick) {
                for (short s : out) {
                    heard.add(s);
                }
            }
        }

        AudioAnalysis analysis() {
            double[] d = new double[heard.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = heard.get(i) / 32768.0;
            }
            return AudioAnalysis.of(d, 8000);
        }
    }

    private static ConferenceBridge bridge() {
        return new ConferenceBridge(1, 100, () -> Instant.EPOCH);
    }

    private static List<Phone> join(ConferenceBridge bridge, double... tones) {
        List<Phone> phones = new ArrayList<>();
        for (double hz : tones) {
            phones.add(new Phone(bridge.join("p" + hz, 100).orElseThrow(), hz));
        }
        return phones;
    }

    /** Runs {@code ticks} ticks; what is heard during the first second (join tones) is not kept. */
    private static void run(List<Phone> phones, int ticks) {
        for (int t = 0; t < ticks; t++) {
            for (Phone p : phones) {
                p.tick(t, 50);
            }
        }
    }

    private static double fullAmplitude() {
        return AMPLITUDE / 32768.0;
    }

    @Test
    void eachOfThreeHearsTheOtherTwoAndNotItself() {
        ConferenceBridge bridge = bridge();
        List<Phone> phones = join(bridge, 500, 800, 1200);

        run(phones, 150);

        for (Phone p : phones) {
            AudioAnalysis a = p.analysis();
            for (Phone other : phones) {
                if (other == p) {
                    assertThat(a.amplitudeAt(p.hz)).as("own tone %s in %s", p.hz, a.describe(500, 800, 1200))
                            .isLessThan(0.02 * fullAmplitude());
                } else {
                    assertThat(a.amplitudeAt(other.hz)).as("tone %s heard by %s: %s", other.hz, p.hz,
                            a.describe(500, 800, 1200)).isGreaterThan(0.8 * fullAmplitude());
                }
            }
        }
    }

    @Test
    void twentyFourParticipantsEachHearTheOtherTwentyThree() {
        ConferenceBridge bridge = bridge();
        double[] tones = new double[24];
        for (int i = 0; i < tones.length; i++) {
            tones[i] = 300 + 150 * i; // up to 3750 Hz, apart enough for the analysis window
        }
        List<Phone> phones = join(bridge, tones);

        run(phones, 150);

        assertThat(bridge.size()).isEqualTo(24);
        for (Phone p : phones) {
            AudioAnalysis a = p.analysis();
            assertThat(a.amplitudeAt(p.hz)).as("own tone %s", p.hz).isLessThan(0.1 * fullAmplitude());
            for (Phone other : phones) {
                if (other != p) {
                    assertThat(a.amplitudeAt(other.hz)).as("tone %s heard by %s", other.hz, p.hz)
                            .isGreaterThan(0.7 * fullAmplitude());
                }
            }
        }
    }

    @Test
    void aMutedParticipantHearsOthersButIsNotHeard() {
        ConferenceBridge bridge = bridge();
        List<Phone> phones = join(bridge, 500, 800, 1200);
        bridge.mute(phones.get(0).participant, true);

        run(phones, 150);

        AudioAnalysis mutedHears = phones.get(0).analysis();
        assertThat(mutedHears.amplitudeAt(800)).isGreaterThan(0.8 * fullAmplitude());
        assertThat(mutedHears.amplitudeAt(1200)).isGreaterThan(0.8 * fullAmplitude());
        for (Phone other : phones.subList(1, 3)) {
            assertThat(other.analysis().amplitudeAt(500)).as("muted 500 Hz heard by %s", other.hz)
                    .isLessThan(0.02 * fullAmplitude());
        }
        assertThat(phones.get(0).participant.muted()).isTrue();
    }

    @Test
    void aJoinIsAnnouncedToEveryoneWithTheJoinTone() {
        ConferenceBridge bridge = bridge();
        List<Phone> first = join(bridge, 500);
        for (int t = 0; t < 10; t++) {
            first.get(0).tick(t, 0); // alone: hears nothing
        }
        assertThat(first.get(0).analysis().rms()).isZero();

        List<Phone> all = new ArrayList<>(first);
        all.addAll(join(bridge, 1500));
        first.get(0).heard.clear();
        for (int t = 0; t < 20; t++) { // 400 ms: the join tone is 600 Hz then 900 Hz over 300 ms
            for (Phone p : all) {
                p.tick(t, 0);
            }
        }

        AudioAnalysis heard = first.get(0).analysis();
        assertThat(heard.amplitudeAt(600) + heard.amplitudeAt(900)).as(heard.describe(600, 900, 1500))
                .isGreaterThan(0.01);
    }

    @Test
    void aLeaveIsAnnouncedAndTheOneWhoLeftIsNoLongerHeard() {
        ConferenceBridge bridge = bridge();
        List<Phone> phones = join(bridge, 500, 1500);
        run(phones, 60);
        Phone stays = phones.get(0);
        Phone goes = phones.get(1);

        assertThat(bridge.leave(goes.participant)).isTrue();
        assertThat(bridge.leave(goes.participant)).isFalse();
        stays.heard.clear();
        for (int t = 0; t < 20; t++) {
            stays.tick(t, 0);
            short[] out = new short[FRAME];
            assertThat(goes.participant.source().next(out)).as("the one who left gets no more audio").isFalse();
        }
        AudioAnalysis heard = stays.analysis();
        assertThat(heard.amplitudeAt(600) + heard.amplitudeAt(900)).as(heard.describe(600, 900, 1500))
                .isGreaterThan(0.01);
        // after the leave tone: silence, not the one who left
        stays.heard.clear();
        for (int t = 0; t < 50; t++) {
            stays.tick(t, 0);
        }
        assertThat(stays.analysis().rms()).isZero();
    }

    @Test
    void aFullRoomTurnsTheNextCallerAway() {
        ConferenceBridge bridge = bridge();
        assertThat(bridge.join("a", 2)).isPresent();
        assertThat(bridge.join("b", 2)).isPresent();
        assertThat(bridge.join("c", 2)).isEmpty();
        assertThat(bridge.size()).isEqualTo(2);
    }

    @Test
    void joinAndLeaveFromOtherThreadsWhileThePacingThreadMixes() throws Exception {
        ConferenceBridge bridge = bridge();
        List<Phone> steady = join(bridge, 500, 800);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        List<Throwable> failures = new ArrayList<>();
        Thread pacer = new Thread(() -> {
            int t = 0;
            try {
                while (!stop.get()) {
                    for (Participant p : bridge.participants()) {
                        p.sink().accept(new short[FRAME], FrameKind.PLAYED);
                        p.source().next(new short[FRAME]);
                    }
                    started.countDown();
                    t++;
                }
            } catch (Throwable e) {
                synchronized (failures) {
                    failures.add(e);
                }
            }
        });
        pacer.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 2000; i++) {
            Participant p = bridge.join("x" + i, 100).orElseThrow();
            bridge.mute(p, i % 2 == 0);
            bridge.leave(p);
        }
        stop.set(true);
        pacer.join(10_000);
        assertThat(failures).isEmpty();
        assertThat(bridge.participants()).extracting(Participant::id)
                .containsExactly(steady.get(0).participant.id(), steady.get(1).participant.id());
    }
}
