package com.crosspoint.media.bench;

import com.crosspoint.bench.LatencyHistogram;
import com.crosspoint.testing.RtpTone;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Every caller's RTP socket (and an RTCP sink on port + 1): one selector thread receives and counts the
 * appliance's packets per call; one scheduled thread sends a 1 kHz µ-law tone every 20 ms from each socket
 * that has heard the appliance, to the address it heard it from. While {@link #measureSlip(boolean)} is on, the
 * receive thread also records each packet's arrival slip: for two consecutive packets of one stream, how far
 * their arrival spacing differs from their RTP timestamp spacing (RFC 3550's transit difference D(i-1,i)).
 */
public final class RtpCallers implements AutoCloseable {
    private static final long MAX_TIMESTAMP_STEP = 8_000; // more than a second between packets: a new stream
    private static final long SAMPLES_PER_PACKET = 160;

    private final Caller[] calls;
    private final Selector selector;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "callers-rtp-tx");
        t.setDaemon(true);
        return t;
    });
    private final Thread receiver;
    private volatile boolean running = true;
    private volatile boolean sending = true;
    private volatile boolean measuringSlip;
    private volatile Integer receiverNice;
    private final LatencyHistogram slip = new LatencyHistogram();

    private RtpCallers(Caller[] calls, Selector selector) {
        this.calls = calls;
        this.selector = selector;
        this.receiver = new Thread(this::receive, "callers-rtp-rx");
        this.receiver.setDaemon(true);
    }

    public static RtpCallers open(int n, int base) throws IOException {
        Selector selector = Selector.open();
        Caller[] calls = new Caller[n];
        int port = base & ~1;
        for (int i = 0; i < n; i++) {
            while (true) {
                if (port > 65530) {
                    throw new IllegalStateException("no free RTP port pairs from " + base);
                }
                DatagramChannel rtp = tryBind(port);
                DatagramChannel rtcp = rtp == null ? null : tryBind(port + 1);
                if (rtp != null && rtcp != null) {
                    calls[i] = new Caller(port, rtp, rtcp);
                    rtp.register(selector, SelectionKey.OP_READ, calls[i]);
                    rtcp.register(selector, SelectionKey.OP_READ, null);
                    port += 2;
                    break;
                }
                if (rtp != null) {
                    rtp.close();
                }
                port += 2;
            }
        }
        return new RtpCallers(calls, selector);
    }

    private static DatagramChannel tryBind(int port) throws IOException {
        DatagramChannel c = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            c.configureBlocking(false);
            c.setOption(StandardSocketOptions.SO_RCVBUF, 131072);
            c.bind(new InetSocketAddress("127.0.0.1", port));
            return c;
        } catch (IOException e) {
            c.close();
            return null;
        }
    }

    public int port(int i) {
        return calls[i].port;
    }

    public void start() {
        receiver.start();
        sender.scheduleAtFixedRate(this::send, 20, 20, TimeUnit.MILLISECONDS);
    }

    public int latched() {
        int n = 0;
        for (Caller c : calls) {
            if (c.target != null) {
                n++;
            }
        }
        return n;
    }

    public long received() {
        return sum(c -> c.received);
    }

    private long sum(ToLongFunction<Caller> field) {
        long n = 0;
        for (Caller c : calls) {
            n += field.applyAsLong(c);
        }
        return n;
    }

    public void stopSending() {
        sending = false;
    }

    private void send() {
        if (!sending) {
            return;
        }
        ByteBuffer packet = ByteBuffer.allocate(RtpTone.PACKET_BYTES);
        for (Caller c : calls) {
            InetSocketAddress to = c.target;
            if (to == null) {
                continue;
            }
            packet.clear();
            RtpTone.put(packet, false, c.txSeq++, c.txTimestamp, c.ssrc).flip();
            c.txTimestamp += 160;
            try {
                if (c.rtp.send(packet, to) == 0) {
                    c.txDropped++;
                } else {
                    c.sent++;
                }
            } catch (IOException e) {
                c.txDropped++;
            }
        }
    }

    private void receive() {
        applyReceiverNice();
        ByteBuffer buf = ByteBuffer.allocateDirect(2048);
        try {
            while (running) {
                selector.select(200);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    DatagramChannel ch = (DatagramChannel) key.channel();
                    Caller c = (Caller) key.attachment();
                    for (int i = 0; i < 64; i++) {
                        buf.clear();
                        InetSocketAddress from = (InetSocketAddress) ch.receive(buf);
                        if (from == null) {
                            break;
                        }
                        buf.flip();
                        if (c != null) {
                            c.onRtp(buf, from, System.nanoTime(), measuringSlip ? slip : null);
                        }
                    }
                }
            }
        } catch (IOException | java.nio.channels.ClosedSelectorException e) {
            if (running) {
                e.printStackTrace();
            }
        }
    }

    public long report() {
        long received = 0;
        long expected = 0;
        long sent = 0;
        long txDropped = 0;
        long ssrcChanges = 0;
        long reordered = 0;
        int callsWithLoss = 0;
        int silent = 0;
        for (Caller c : calls) {
            received += c.received;
            long exp = c.received == 0 ? 0 : c.highest - c.first + 1;
            expected += exp;
            if (c.received == 0) {
                silent++;
            } else if (exp > c.received) {
                callsWithLoss++;
            }
            sent += c.sent;
            txDropped += c.txDropped;
            ssrcChanges += c.ssrcChanges;
            reordered += c.reordered;
        }
        System.out.printf(Locale.ROOT, "callers: received %d of %d expected appliance packets: %d lost "
                        + "(sequence gaps; %d calls with loss, %d calls that heard nothing), %d late/reordered, "
                        + "%d SSRC changes; callers sent %d tone packets (%d refused by their sockets)%n",
                received, expected, Math.max(0, expected - received), callsWithLoss, silent, reordered,
                ssrcChanges, sent, txDropped);
        return silent > 0 ? Math.max(1, expected - received) : Math.max(0, expected - received);
    }

    /**
     * Runs the receive thread at this nice value (as root; before {@link #start}): a load tool started niced, so as
     * not to take the appliance's CPU, still stamps arrivals when they happen.
     */
    public void receiverNice(int nice) {
        receiverNice = nice;
    }

    private void applyReceiverNice() {
        Integer nice = receiverNice;
        if (nice == null) {
            return;
        }
        try {
            // /proc/thread-self is /proc/<pid>/task/<tid>: setpriority on a tid changes that thread alone
            String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            int exit = new ProcessBuilder("renice", "-n", nice.toString(), "-p", tid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            System.out.printf(Locale.ROOT, "callers' RTP receive thread %s at nice %d: %s%n", tid, nice,
                    exit == 0 ? "done" : "renice failed (" + exit + ")");
        } catch (IOException e) {
            System.out.println("callers' RTP receive thread keeps its nice value: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts (true) or stops (false) recording arrival slip; recording starts from the next packet pair. */
    public void measureSlip(boolean on) {
        measuringSlip = on;
    }

    /**
     * While slip was measured: consecutive packets of one stream whose timestamps are not 20 ms apart (a jump
     * the sender made, e.g. when its source changed, which a phone's jitter buffer sees as a gap or an overlap).
     */
    public long oddTimestampSteps() {
        return sum(c -> c.oddSteps);
    }

    /** The arrival slips recorded so far, in microseconds (read once measuring stopped and the receiver idles). */
    public LatencyHistogram slip() {
        synchronized (slip) {
            return slip.copy();
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        sender.shutdownNow();
        selector.wakeup();
        try {
            receiver.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey k : selector.keys()) {
            k.channel().close();
        }
        selector.close();
    }

    /** One call's RTP state: written by the receive thread (receive side) and the send thread (send side). */
    private static final class Caller {
        final int port;
        final DatagramChannel rtp;
        final DatagramChannel rtcp;
        final int ssrc = ThreadLocalRandom.current().nextInt();
        volatile InetSocketAddress target;
        int txSeq = ThreadLocalRandom.current().nextInt(65536);
        int txTimestamp = ThreadLocalRandom.current().nextInt();
        long sent;
        long txDropped;
        volatile long received;
        long first = -1;
        long highest = -1;
        long reordered;
        long ssrcChanges;
        int peerSsrc;
        long lastArrival;
        volatile long oddSteps;
        int lastSeq;
        int lastTimestamp;
        int lastSsrc;

        Caller(int port, DatagramChannel rtp, DatagramChannel rtcp) {
            this.port = port;
            this.rtp = rtp;
            this.rtcp = rtcp;
        }

        void onRtp(ByteBuffer p, InetSocketAddress from, long arrivalNanos, LatencyHistogram slip) {
            if (p.remaining() < 12 || (p.get(0) & 0xC0) != 0x80) {
                return;
            }
            int pt = p.get(1) & 0x7F;
            if (pt >= 72 && pt <= 76) {
                return; // RTCP on the RTP port (rtcp-mux): not ours to count
            }
            int seq = p.getShort(2) & 0xFFFF;
            int ssrcNow = p.getInt(8);
            if (target == null) {
                target = from;
                peerSsrc = ssrcNow;
            } else if (ssrcNow != peerSsrc) {
                ssrcChanges++;
                peerSsrc = ssrcNow;
            }
            if (first < 0) {
                first = seq;
                highest = seq;
            } else {
                // extend the 16-bit sequence number to the one nearest the highest seen (RFC 3550 A.1)
                long base = highest & ~0xFFFFL;
                long ext = base + seq;
                if (ext < highest - 32768) {
                    ext += 65536;
                } else if (ext > highest + 32768) {
                    ext -= 65536;
                }
                if (ext > highest) {
                    highest = ext;
                } else {
                    reordered++;
                }
            }
            received++;
            recordSlip(seq, p.getInt(4), ssrcNow, arrivalNanos, slip);
        }

        /** Only consecutive packets of one stream with a plausible timestamp step count: a new source is a new clock. */
        private void recordSlip(int seq, int timestamp, int ssrcNow, long arrivalNanos, LatencyHistogram slip) {
            long step = (timestamp - lastTimestamp) & 0xFFFFFFFFL; // RTP timestamps wrap at 2^32
            boolean consecutive = lastArrival != 0 && ssrcNow == lastSsrc && seq == ((lastSeq + 1) & 0xFFFF);
            if (slip != null && consecutive && step != SAMPLES_PER_PACKET) {
                oddSteps++;
            }
            if (slip != null && consecutive && step > 0 && step <= MAX_TIMESTAMP_STEP) {
                long micros = WireSlip.slipMicros(arrivalNanos - lastArrival, step);
                synchronized (slip) {
                    slip.record(micros);
                }
            }
            lastArrival = arrivalNanos;
            lastSeq = seq;
            lastTimestamp = timestamp;
            lastSsrc = ssrcNow;
        }
    }
}
