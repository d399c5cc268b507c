package com.crosspoint.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks ports on 127.0.0.1 that are free for both UDP and TCP (SIP peers bind both).
 * Ports are chosen at random below the kernel's ephemeral range, so they cannot collide with ports the OS
 * hands out to RTP sockets or outgoing connections, and are never handed out twice within one JVM.
 * There is still a window between the check and the peer's bind; random choice keeps races with other test
 * JVMs on the same machine unlikely.
 */
public final class FreePorts {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    private static final int LOWEST = 10000;
    private static final int ATTEMPTS = 1000;

    private FreePorts() {
    }

    /** One port free for UDP and TCP. */
    public static int udpAndTcp() {
        return consecutive(1);
    }

    /**
     * Two consecutive ports P, P+1 free for UDP and TCP; returns P. baresip's {@code sip_listen P} binds
     * UDP+TCP on P and TLS on P+1.
     */
    public static int pair() {
        return consecutive(2);
    }

    /** {@code count} consecutive ports free for UDP and TCP; returns the first. */
    public static int consecutive(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        int[] range = usableRange();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int base = random.nextInt(range[0], range[1] - count + 2);
            if (reserve(base, count)) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports in " + range[0] + "-" + range[1]);
    }

    private static synchronized boolean reserve(int base, int count) {
        for (int port = base; port < base + count; port++) {
            if (HANDED_OUT.contains(port) || !isFree(port)) {
                return false;
            }
        }
        for (int port = base; port < base + count; port++) {
            HANDED_OUT.add(port);
        }
        return true;
    }

    /** True if both a UDP and a TCP socket can bind 127.0.0.1:port right now. */
    public static boolean isFree(int port) {
        try (DatagramSocket udp = new DatagramSocket(null); ServerSocket tcp = new ServerSocket()) {
            udp.setReuseAddress(false);
            udp.bind(new InetSocketAddress(LOOPBACK, port));
            tcp.setReuseAddress(false);
            tcp.bind(new InetSocketAddress(LOOPBACK, port), 1);
            return true;
        } catch (IOException bindFailed) {
            // A failed bind is the answer, not an error: someone holds the port.
            return false;
        }
    }

    /** [low, high] inclusive: below the ephemeral range if there is room, else above it. */
    static int[] usableRange() {
        int[] ephemeral = ephemeralRange();
        if (ephemeral[0] - 1 - LOWEST >= 2000) {
            return new int[] {LOWEST, ephemeral[0] - 1};
        }
        if (65535 - ephemeral[1] >= 2000) {
            return new int[] {ephemeral[1] + 1, 65535};
        }
        return new int[] {LOWEST, 65535};
    }

    /** The kernel's ephemeral port range [low, high]; peers' random RTP ports belong there, away from ours. */
    static int[] ephemeralRange() {
        Path file = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        if (!Files.isReadable(file)) {
            return new int[] {32768, 60999};
        }
        // Not Files.readString: /proc files report size 0 and may read as empty that way.
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String line = reader.readLine();
            String[] parts = line == null ? new String[0] : line.trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalStateException("unexpected " + file + " content: " + line);
            }
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
