package com.crosspoint.media.bench;

import com.crosspoint.bench.LatencyHistogram;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The hold audio's slip as the kernel saw it: reads a pcap of the RTP sent to the callers' ports and computes, for
 * every two consecutive packets of one stream, how far their spacing on the wire differs from their RTP timestamp
 * spacing (RFC 3550 §6.4.1's |D(i-1,i)|), the same figure {@link RtpCallers} takes with its receive thread's
 * clock. On loopback the capture stamps a packet inside the sender's send call, when it enters the callers'
 * socket, so this figure leaves out the load tool's own scheduling, which the receive thread's stamps include.
 */
public final class WireSlip {
    private static final int MAGIC_MICROS = 0xA1B2C3D4;
    private static final int MAGIC_NANOS = 0xA1B23C4D;
    private static final int LINK_NULL = 0;
    private static final int LINK_ETHERNET = 1;
    private static final int LINK_RAW = 101;
    private static final int LINK_LINUX_SLL = 113;
    private static final int LINK_LINUX_SLL2 = 276;
    private static final long NANOS_PER_SAMPLE = 125_000; // G.711: 8,000 samples a second
    private static final long MAX_TIMESTAMP_STEP = 8_000;  // more than a second between packets: a new stream

    private final LatencyHistogram slip = new LatencyHistogram();
    private final Map<Integer, Stream> streams = new HashMap<>();
    private long packets;
    private long duplicates;
    private long oddSteps;

    private WireSlip() {
    }

    /** Reads {@code pcap}, keeping UDP to destination ports in [firstPort, lastPort] that carry RTP (not RTCP). */
    public static WireSlip read(Path pcap, int firstPort, int lastPort) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(pcap), 1 << 20)) {
            return read(in, firstPort, lastPort);
        }
    }

    static WireSlip read(InputStream raw, int firstPort, int lastPort) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        byte[] header = new byte[24];
        in.readFully(header);
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.BIG_ENDIAN);
        int magic = h.getInt(0);
        if (Integer.reverseBytes(magic) == MAGIC_MICROS || Integer.reverseBytes(magic) == MAGIC_NANOS) {
            h.order(ByteOrder.LITTLE_ENDIAN);
            magic = Integer.reverseBytes(magic);
        }
        if (magic != MAGIC_MICROS && magic != MAGIC_NANOS) {
            throw new IOException("not a pcap file (magic " + Integer.toHexString(magic) + ")");
        }
        long fractionNanos = magic == MAGIC_NANOS ? 1 : 1_000;
        int linkType = h.getInt(20);
        int linkHeader = switch (linkType) {
            case LINK_NULL -> 4;
            case LINK_ETHERNET -> 14;
            case LINK_RAW -> 0;
            case LINK_LINUX_SLL -> 16;
            case LINK_LINUX_SLL2 -> 20;
            default -> throw new IOException("link type " + linkType + " is not one this reader knows");
        };
        WireSlip result = new WireSlip();
        byte[] record = new byte[16];
        byte[] data = new byte[65_536];
        ByteBuffer r = ByteBuffer.wrap(record).order(h.order());
        while (true) {
            try {
                in.readFully(record);
            } catch (EOFException end) {
                return result; // a capture stopped mid-record ends there too
            }
            long stamp = (r.getInt(0) & 0xFFFFFFFFL) * 1_000_000_000L + (r.getInt(4) & 0xFFFFFFFFL) * fractionNanos;
            int captured = r.getInt(8);
            if (captured < 0 || captured > data.length) {
                throw new IOException("record of " + captured + " bytes: not a pcap this reader can follow");
            }
            try {
                in.readFully(data, 0, captured);
            } catch (EOFException end) {
                return result;
            }
            result.packet(ByteBuffer.wrap(data, 0, captured), linkHeader, stamp, firstPort, lastPort);
        }
    }

    private void packet(ByteBuffer p, int linkHeader, long stampNanos, int firstPort, int lastPort) {
        int ip = linkHeader;
        if (p.limit() < ip + 20 || (p.get(ip) & 0xF0) != 0x40 || p.get(ip + 9) != 17) {
            return; // IPv4 UDP only: the callers listen on 127.0.0.1
        }
        int udp = ip + (p.get(ip) & 0x0F) * 4;
        int rtp = udp + 8;
        if (p.limit() < rtp + 12) {
            return;
        }
        int port = p.getShort(udp + 2) & 0xFFFF;
        int pt = p.get(rtp + 1) & 0x7F;
        if (port < firstPort || port > lastPort || (p.get(rtp) & 0xC0) != 0x80 || (pt >= 72 && pt <= 76)) {
            return;
        }
        packets++;
        streams.computeIfAbsent(port, k -> new Stream()).next(p.getShort(rtp + 2) & 0xFFFF, p.getInt(rtp + 4),
                p.getInt(rtp + 8), stampNanos, this);
    }

    /**
     * RFC 3550 §6.4.1's |D(i-1,i)| for G.711 in microseconds: how far two packets' arrival spacing strays from their
     * RTP timestamp spacing (the same figure whoever stamps the arrivals).
     */
    static long slipMicros(long arrivalGapNanos, long timestampStep) {
        return Math.abs(arrivalGapNanos - timestampStep * NANOS_PER_SAMPLE) / 1000;
    }

    /** Slips in microseconds, one per pair of consecutive packets of one stream. */
    public LatencyHistogram slip() {
        return slip;
    }

    public long packets() {
        return packets;
    }

    public int streams() {
        return streams.size();
    }

    /** Packets seen twice (the same stream and sequence number in a row): not counted as pairs. */
    public long duplicates() {
        return duplicates;
    }

    /** Consecutive packets whose timestamps are not 20 ms apart. */
    public long oddSteps() {
        return oddSteps;
    }

    /** One destination port's stream: the last packet seen, to pair with the next. */
    private static final class Stream {
        private boolean seen;
        private int lastSeq;
        private int lastTimestamp;
        private int lastSsrc;
        private long lastStamp;

        void next(int seq, int timestamp, int ssrc, long stampNanos, WireSlip into) {
            if (seen && ssrc == lastSsrc && seq == lastSeq) {
                into.duplicates++;
                return;
            }
            long step = (timestamp - lastTimestamp) & 0xFFFFFFFFL; // RTP timestamps wrap at 2^32
            boolean consecutive = seen && ssrc == lastSsrc && seq == ((lastSeq + 1) & 0xFFFF);
            if (consecutive && step != 160) {
                into.oddSteps++;
            }
            if (consecutive && step > 0 && step <= MAX_TIMESTAMP_STEP) {
                into.slip.record(slipMicros(stampNanos - lastStamp, step));
            }
            seen = true;
            lastSeq = seq;
            lastTimestamp = timestamp;
            lastSsrc = ssrc;
            lastStamp = stampNanos;
        }
    }
}
