package com.crosspoint.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.media.codec.G711Ulaw;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JitterBufferTest {
    private static final long SSRC = 0x1234_5678L;

    private JitterBuffer jb = JitterBuffer.telephone();
    private final short[] out = new short[160];
    private final List<String> tokens = new ArrayList<>();

    // ---- scenarios ----

    @Test
    void inOrderPlaysAfterTheInitialDepth() {
        for (int seq = 0; seq < 10; seq++) {
            assertThat(send(seq)).isEqualTo(OfferResult.ACCEPTED);
            tick();
        }
        assertThat(tokens).containsExactly("S", "S", "S", "#0", "#1", "#2", "#3", "#4", "#5", "#6");
        assertThat(jb.bufferedFrames()).isEqualTo(3);
        assertThat(jb.stats()).isEqualTo(new JitterStats(10, 7, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void reorderedByTwoStillPlaysInOrder() {
        int[] arrivals = {0, 1, 2, 4, 5, 3, 6, 7, 8};
        for (int seq : arrivals) {
            assertThat(send(seq)).isEqualTo(OfferResult.ACCEPTED);
            tick();
        }
        ticks(3);
        assertThat(tokens).containsExactly("S", "S", "S", "#0", "#1", "#2", "#3", "#4", "#5", "#6", "#7", "#8");
        assertThat(jb.stats().late()).isZero();
        assertThat(jb.stats().concealed()).isZero();
    }

    @Test
    void duplicatesAreDroppedWhetherHeldOrAlreadyPlayed() {
        send(0);
        tick();
        send(1);
        tick();
        send(1); // held: duplicate
        assertThat(send(1)).isEqualTo(OfferResult.DUPLICATE);
        send(2);
        tick();
        send(3);
        tick(); // plays 0
        assertThat(send(0)).isEqualTo(OfferResult.DUPLICATE); // already played
        send(4);
        tick();
        ticks(3);
        assertThat(tokens).containsExactly("S", "S", "S", "#0", "#1", "#2", "#3", "#4");
        assertThat(jb.stats().duplicate()).isEqualTo(3);
        assertThat(jb.stats().late()).isZero();
        assertThat(jb.stats().played()).isEqualTo(5);
    }

    @Test
    void oneLostPacketIsOneConcealedFrameFadingTheLastOut() {
        short[] concealment = null;
        for (int seq = 1000; seq < 1010; seq++) {
            if (seq != 1004) {
                send(seq);
            }
            FrameKind kind = tick();
            if (kind == FrameKind.CONCEALED) {
                concealment = out.clone();
            }
        }
        ticks(3);
        assertThat(tokens).containsExactly("S", "S", "S", "#1000", "#1001", "#1002", "#1003", "C", "#1005",
                "#1006", "#1007", "#1008", "#1009");
        assertThat(jb.stats().concealed()).isEqualTo(1);
        // the fade: full level at the start, half way at the middle, almost nothing at the end
        assertThat(concealment[0]).isEqualTo((short) 1003);
        assertThat(concealment[80]).isEqualTo((short) (1003 / 2));
        assertThat(concealment[159]).isEqualTo((short) (1003 / 160));
    }

    @Test
    void aLongerLossFadesOnceThenIsSilent() {
        for (int seq = 100; seq < 110; seq++) {
            if (seq != 104 && seq != 105) {
                send(seq);
            }
            tick();
            if (tokens.size() == 8) {
                assertThat(out[0]).isEqualTo((short) 103); // the first concealed frame fades 103 out
            }
            if (tokens.size() == 9) {
                assertThat(out).containsOnly((short) 0); // the second is silence
            }
        }
        assertThat(tokens).containsExactly("S", "S", "S", "#100", "#101", "#102", "#103", "C", "C", "#106");
    }

    @Test
    void sequenceWrapIsJustTheNextFrame() {
        int[] seqs = {65533, 65534, 65535, 0, 1, 2, 3, 4};
        for (int i = 0; i < seqs.length; i++) {
            assertThat(jb.offer(SSRC, seqs[i], 7_000L + i * 160L, false, frame(seqs[i]), 0, 160))
                    .isEqualTo(OfferResult.ACCEPTED);
            tick();
        }
        ticks(3);
        assertThat(tokens).containsExactly("S", "S", "S", "#65533", "#65534", "#65535", "#0", "#1", "#2", "#3", "#4");
        assertThat(jb.stats()).isEqualTo(new JitterStats(8, 8, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void aPacketAfterItsFrameWasDueIsLate() {
        for (int seq = 0; seq < 10; seq++) {
            if (seq != 5) {
                send(seq);
            }
            tick(); // frame 5 is due at the poll of tick 8
        }
        assertThat(send(5)).isEqualTo(OfferResult.LATE);
        assertThat(tokens).containsExactly("S", "S", "S", "#0", "#1", "#2", "#3", "#4", "C", "#6");
        assertThat(jb.stats().late()).isEqualTo(1);
        assertThat(jb.stats().concealed()).isEqualTo(1);
    }

    @Test
    void aNewSsrcResetsAndRebuffers() {
        for (int seq = 0; seq < 6; seq++) {
            send(seq);
            tick();
        }
        // the far end re-INVITEd to another source: frames 3..5 of the old one are dropped
        for (int seq = 40_000; seq < 40_006; seq++) {
            assertThat(jb.offer(0xBEEFL, seq, 900_000L + seq * 160L, false, frame(seq), 0, 160))
                    .isEqualTo(OfferResult.ACCEPTED);
            tick();
        }
        assertThat(tokens).containsExactly("S", "S", "S", "#0", "#1", "#2", "S", "S", "S", "#40000", "#40001",
                "#40002");
        assertThat(jb.stats().resets()).isEqualTo(1);
        assertThat(jb.stats().concealed()).isZero();
    }

    @Test
    void aTimestampJumpWithoutMarkerResets() {
        for (int seq = 0; seq < 5; seq++) {
            send(seq);
            tick();
        }
        assertThat(jb.bufferedFrames()).isEqualTo(3);
        // believed once the next packet confirms it (RFC 3550 A.1), so a lone stray cannot restart the stream
        assertThat(jb.offer(SSRC, 5, 5 * 160L + 1_000_000L, false, frame(5), 0, 160)).isEqualTo(OfferResult.JUMPED);
        assertThat(jb.stats().resets()).isZero();
        assertThat(jb.offer(SSRC, 6, 6 * 160L + 1_000_000L, false, frame(6), 0, 160)).isEqualTo(OfferResult.ACCEPTED);
        assertThat(jb.stats().resets()).isEqualTo(1);
        assertThat(jb.bufferedFrames()).isEqualTo(1);
        ticks(4);
        assertThat(tokens).containsExactly("S", "S", "S", "#0", "#1", "S", "S", "S", "#6");
    }

    @Test
    void aStrayCloseInSequenceButNotInTimeIsDropped() {
        for (int seq = 0; seq < 5; seq++) {
            send(seq);
            tick();
        }
        assertThat(send(40, 123_456_789L)).isEqualTo(OfferResult.JUMPED);
        assertThat(send(5)).isEqualTo(OfferResult.ACCEPTED);
        assertThat(jb.stats().resets()).isZero();
        ticks(3);
        assertThat(tokens).endsWith("#2", "#3", "#4");
    }

    @Test
    void aMarkerAfterSilenceSuppressionStartsATalkspurt() {
        for (int seq = 0; seq < 5; seq++) {
            send(seq);
            tick();
        }
        ticks(5); // plays 2, 3, 4, then the sender is silent: fade, silence
        // the talkspurt resumes: next sequence number, timestamp moved on by the silence, marker set
        assertThat(jb.offer(SSRC, 5, 5 * 160L + 48_000L, true, frame(5), 0, 160)).isEqualTo(OfferResult.ACCEPTED);
        tick();
        send(6, 5 * 160L + 48_160L);
        tick();
        send(7, 5 * 160L + 48_320L);
        tick();
        ticks(2);
        assertThat(tokens).containsExactly("S", "S", "S", "#0", "#1", "#2", "#3", "#4", "C", "C", "S", "S", "S",
                "#5", "#6");
        assertThat(jb.stats().resets()).isZero();
        assertThat(jb.stats().concealed()).isEqualTo(2);
    }

    @Test
    void aPausedSourceStopsCountingConcealmentAndRebuffersWithoutMarker() {
        send(0);
        ticks(3 + 1 + 15); // buffering, one frame, then a long silence
        assertThat(jb.stats().concealed()).isEqualTo(JitterConfig.TELEPHONE.drainFrames());
        assertThat(tokens.subList(14, 19)).containsOnly("S");
        send(1, 40_000L); // some senders set no marker after silence suppression
        ticks(4);
        assertThat(tokens.subList(19, 23)).containsExactly("S", "S", "S", "#1");
        assertThat(jb.stats().resets()).isZero();
        assertThat(jb.stats().concealed()).isEqualTo(10);
    }

    @Test
    void aBurstBeyondCapacityDropsTheOldest() {
        jb = new JitterBuffer(JitterConfig.TELEPHONE.withCapacityFrames(10));
        for (int seq = 0; seq < 15; seq++) {
            assertThat(send(seq)).isEqualTo(OfferResult.ACCEPTED);
        }
        assertThat(jb.stats().overflowed()).isEqualTo(5);
        assertThat(jb.bufferedFrames()).isEqualTo(10);
        ticks(5);
        assertThat(tokens).containsExactly("S", "S", "S", "#5", "#6");
        assertThat(send(2)).isEqualTo(OfferResult.LATE);
    }

    @Test
    void aPacketOverTakenByTheFirstOneStillPlaysFirst() {
        send(11);
        tick();
        send(10); // arrived while still buffering
        tick();
        send(12);
        tick();
        ticks(3);
        assertThat(tokens).containsExactly("S", "S", "S", "#10", "#11", "#12");
        assertThat(jb.stats().late()).isZero();
    }

    @Test
    void aStrayFarSequenceNumberIsDroppedWithoutDisturbingTheStream() {
        for (int seq = 1000; seq < 1005; seq++) {
            send(seq);
            tick();
        }
        assertThat(send(500)).isEqualTo(OfferResult.JUMPED);
        assertThat(send(40_000)).isEqualTo(OfferResult.JUMPED);
        assertThat(send(1005)).isEqualTo(OfferResult.ACCEPTED);
        assertThat(jb.stats().resets()).isZero();
        assertThat(jb.stats().jumped()).isEqualTo(2);
        assertThat(jb.stats().late()).isZero();
    }

    @Test
    void aJumpConfirmedByTheNextPacketRestartsTheStream() {
        for (int seq = 1000; seq < 1005; seq++) {
            send(seq);
            tick();
        }
        assertThat(send(500)).isEqualTo(OfferResult.JUMPED);
        assertThat(send(501)).isEqualTo(OfferResult.ACCEPTED);
        assertThat(jb.stats().resets()).isEqualTo(1);
        assertThat(send(502)).isEqualTo(OfferResult.ACCEPTED);
    }

    @Test
    void decodesAnEncodedPayloadStraightIn() {
        byte[] payload = new byte[170];
        short[] pcm = new short[160];
        for (int i = 0; i < 160; i++) {
            pcm[i] = (short) (i * 100 - 8000);
        }
        G711Ulaw.INSTANCE.encode(pcm, 0, 160, payload);
        System.arraycopy(payload, 0, payload, 10, 160);
        jb = new JitterBuffer(JitterConfig.TELEPHONE.withInitialDepthFrames(0));
        assertThat(jb.offer(SSRC, 1, 0, true, payload, 10, 160, G711Ulaw.INSTANCE)).isEqualTo(OfferResult.ACCEPTED);
        assertThat(jb.poll(out)).isEqualTo(FrameKind.PLAYED);
        for (int i = 0; i < 160; i++) {
            assertThat(out[i]).isEqualTo(G711Ulaw.decodeSample(payload[10 + i]));
        }
        assertThat(jb.offer(SSRC, 2, 160, false, payload, 0, 80, G711Ulaw.INSTANCE))
                .isEqualTo(OfferResult.REJECTED);
        assertThat(jb.offer(SSRC, 2, 160, false, new short[320], 0, 320)).isEqualTo(OfferResult.REJECTED);
        assertThat(jb.stats().rejected()).isEqualTo(2);
        assertThat(jb.stats().received()).isEqualTo(3);
    }

    @Test
    void nothingOfferedIsSilenceNotConcealment() {
        ticks(5);
        assertThat(tokens).containsOnly("S");
        assertThat(jb.stats()).isEqualTo(new JitterStats(0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void configIsValidated() {
        assertThatThrownBy(() -> new JitterConfig(160, 50, 50, 100, 3000, 8000, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialDepthFrames");
        assertThatThrownBy(() -> new JitterConfig(0, 3, 50, 100, 3000, 8000, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JitterConfig(160, 3, 50, 100, 40, 8000, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDropoutFrames");
        assertThatThrownBy(() -> new JitterStats(-1, 0, 0, 0, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers: frame n carries the value n in every sample ----

    private OfferResult send(int seq) {
        return send(seq, seq * 160L);
    }

    private OfferResult send(int seq, long timestamp) {
        return jb.offer(SSRC, seq, timestamp, false, frame(seq), 0, 160);
    }

    private static short[] frame(int seq) {
        short[] frame = new short[160];
        java.util.Arrays.fill(frame, (short) seq);
        return frame;
    }

    private FrameKind tick() {
        FrameKind kind = jb.poll(out);
        tokens.add(switch (kind) {
            case PLAYED -> "#" + (out[0] & 0xFFFF);
            case CONCEALED -> "C";
            case SILENCE -> "S";
        });
        return kind;
    }

    private void ticks(int n) {
        for (int i = 0; i < n; i++) {
            tick();
        }
    }
}
