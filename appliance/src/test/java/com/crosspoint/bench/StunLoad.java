package com.crosspoint.bench;

import com.crosspoint.relay.stun.StunClass;
import com.crosspoint.relay.stun.StunMessageBuilder;
import com.crosspoint.relay.stun.StunMethod;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;

/**
 * STUN Binding load: {@code sockets} UDP sockets (distinct source ports, one source address: the server's per-source
 * limit must be raised), each keeping {@code window} requests in flight, for {@code seconds}; prints answers per
 * second. One thread with a selector, so the generator costs little next to the server it measures.
 *
 * <p>Usage: {@code StunLoad HOST PORT SECONDS SOCKETS WINDOW}
 */
public final class StunLoad {
    private StunLoad() {
    }

    public static void main(String[] args) throws IOException {
        InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        long seconds = Long.parseLong(args[2]);
        int sockets = Integer.parseInt(args[3]);
        int window = Integer.parseInt(args[4]);
        byte[] request = new StunMessageBuilder(StunMethod.BINDING, StunClass.REQUEST, new byte[12]).build(true);
        Selector selector = Selector.open();
        List<DatagramChannel> channels = new ArrayList<>();
        for (int i = 0; i < sockets; i++) {
            DatagramChannel c = DatagramChannel.open();
            c.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            c.bind(new InetSocketAddress("127.0.0.1", 0));
            c.connect(server);
            c.configureBlocking(false);
            c.register(selector, SelectionKey.OP_READ);
            channels.add(c);
        }
        ByteBuffer in = ByteBuffer.allocate(2048);
        long answers = 0;
        long warmEnd = System.nanoTime() + 3_000_000_000L; // JIT warm-up, not counted
        long countedFrom = 0;
        long end = warmEnd + seconds * 1_000_000_000L;
        for (DatagramChannel c : channels) {
            for (int w = 0; w < window; w++) {
                c.write(ByteBuffer.wrap(request));
            }
        }
        long lastProgress = System.nanoTime();
        while (System.nanoTime() < end) {
            if (selector.select(200) == 0 && System.nanoTime() - lastProgress > 200_000_000L) {
                for (DatagramChannel c : channels) { // answers lost (buffer overflow): refill the window
                    c.write(ByteBuffer.wrap(request));
                }
                lastProgress = System.nanoTime();
            }
            var it = selector.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey key = it.next();
                it.remove();
                DatagramChannel c = (DatagramChannel) key.channel();
                while (true) {
                    in.clear();
                    if (c.read(in) <= 0) {
                        break;
                    }
                    lastProgress = System.nanoTime();
                    if (lastProgress >= warmEnd) {
                        if (countedFrom == 0) {
                            countedFrom = lastProgress;
                        }
                        answers++;
                    }
                    c.write(ByteBuffer.wrap(request));
                }
            }
        }
        double elapsed = (System.nanoTime() - countedFrom) / 1e9;
        System.out.printf("bindings_per_second=%.0f answers=%d seconds=%.1f%n", answers / elapsed, answers, elapsed);
    }
}
