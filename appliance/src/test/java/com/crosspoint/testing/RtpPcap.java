package com.crosspoint.testing;

import com.crosspoint.media.codec.G711Ulaw;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntPredicate;

/**
 * A pcap file of PCMU RTP carrying a tone, for SIPp's {@code play_pcap_audio}: 20 ms packets with consecutive
 * sequence numbers and timestamps, of which those {@code lost} selects are left out of the file, so the receiver
 * sees gaps in the sequence, i.e. loss. Deterministic (no random numbers): the same file on every run. SIPp
 * rewrites the addresses and ports and keeps the RTP header, so the gaps reach the receiver as written.
 */
public final class RtpPcap {
    private static final int SAMPLES = 160;
    private static final int LINKTYPE_ETHERNET = 1;

    private RtpPcap() {
    }

    /** Every packet lost whose index modulo 10 is below {@code perTen}: {@code perTen} × 10 % loss, evenly spread. */
    public static IntPredicate lossPerTen(int perTen) {
        return i -> i % 10 < perTen;
    }

    /** Writes {@code packets} packets' worth (20 ms each) of a {@code hz} tone, without those {@code lost} selects. */
    public static Path write(Path file, int packets, double hz, IntPredicate lost) {
        ByteBuffer out = ByteBuffer.allocate(24 + packets * (16 + 14 + 20 + 8 + 12 + SAMPLES)).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65_535)
                .putInt(LINKTYPE_ETHERNET);
        for (int i = 0; i < packets; i++) {
            if (lost.test(i)) {
                continue;
            }
            byte[] frame = frame(i, hz);
            long micros = i * 20_000L;
            out.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000))
                    .putInt(frame.length).putInt(frame.length);
            out.put(frame);
        }
        try {
            Files.write(file, java.util.Arrays.copyOf(out.array(), out.position()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Ethernet, IPv4 and UDP around RTP packet {@code i} (SIPp replaces addresses, ports and checksums). */
    private static byte[] frame(int i, double hz) {
        int rtpLength = 12 + SAMPLES;
        ByteBuffer b = ByteBuffer.allocate(14 + 20 + 8 + rtpLength).order(ByteOrder.BIG_ENDIAN);
        b.put(new byte[12]).putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 8 + rtpLength)).putShort((short) 0).putShort((short) 0)
                .put((byte) 64).put((byte) 17).putShort((short) 0).put(new byte[] {127, 0, 0, 1})
                .put(new byte[] {127, 0, 0, 1});
        b.putShort((short) 40_000).putShort((short) 40_002).putShort((short) (8 + rtpLength)).putShort((short) 0);
        b.put((byte) 0x80).put((byte) 0).putShort((short) i).putInt(i * SAMPLES).putInt(0x5eed_0001);
        for (int s = 0; s < SAMPLES; s++) {
            int n = i * SAMPLES + s;
            b.put(G711Ulaw.encodeSample((int) Math.round(12_000 * Math.sin(2 * Math.PI * hz * n / 8000))));
        }
        return b.array();
    }
}
