package com.crosspoint.relay.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One selector thread of the STUN/TURN server: it reads every socket registered with it (listening sockets, TCP
 * connections, relay sockets) into one reused 64 KiB buffer. Registrations and other changes from other threads are
 * queued and run on the loop. A handler that throws is logged and its socket goes on; the loop never dies of it.
 */
final class IoLoop implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IoLoop.class);
    /** The largest datagram there is; a TCP read takes at most this much at once. */
    static final int BUFFER_BYTES = 65_536;

    /** What a registered socket does when it is readable (or writable, for connections with output queued). */
    interface Ready {
        void onReady(SelectionKey key, ByteBuffer buffer) throws IOException;

        /** The socket failed: close it and let go of what hangs on it. */
        void onFailure(IOException e);
    }

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private final Consumer<SelectionKey> handler = this::handle;
    private volatile boolean running = true;

    IoLoop() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    /** Registers {@code channel} (non-blocking) for {@code ops}, on the loop's thread. */
    void register(SelectableChannel channel, int ops, Ready ready) {
        register(channel, ops, ready, key -> { });
    }

    /** As {@link #register(SelectableChannel, int, Ready)}, handing the key to {@code registered} on the loop. */
    void register(SelectableChannel channel, int ops, Ready ready, Consumer<SelectionKey> registered) {
        execute(() -> {
            try {
                channel.configureBlocking(false);
                registered.accept(channel.register(selector, ops, ready));
            } catch (IOException e) {
                ready.onFailure(e);
            }
        });
    }

    Selector selector() {
        return selector;
    }

    /** Runs {@code task} on the loop's thread. */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    @Override
    public void run() {
        while (running) {
            try {
                // Ready keys go straight to the handler: no selected-key set to fill and iterate on every wake-up.
                selector.select(handler, 1000);
                runTasks();
            } catch (ClosedSelectorException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("STUN/TURN I/O loop error", e);
            }
        }
    }

    private void handle(SelectionKey key) {
        Ready ready = (Ready) key.attachment();
        try {
            if (key.isValid()) {
                ready.onReady(key, buffer);
            }
        } catch (IOException e) {
            ready.onFailure(e);
        } catch (RuntimeException e) {
            LOG.warn("STUN/TURN handler failed", e);
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("STUN/TURN loop task failed", e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        } catch (IOException | ClosedSelectorException e) {
            LOG.debug("closing the selector: {}", e.getMessage());
        }
    }
}
