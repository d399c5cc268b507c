package com.crosspoint.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay to {@code 127.0.0.1:targetPort} whose network can be cut: {@link #cut} resets every
 * relayed connection and refuses new ones (accepted, then reset at once) until {@link #restore}, as a dropped
 * Wi-Fi does to a browser. One thread per direction per connection: for a few test connections only.
 */
public final class TcpCutter implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> live = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    public TcpCutter(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::acceptAll, "tcp-cutter-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Resets every relayed connection; new ones are refused until {@link #restore}. */
    public void cut() {
        down = true;
        live.forEach(TcpCutter::reset);
        live.clear();
    }

    public void restore() {
        down = false;
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (down) {
                    reset(client);
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                live.add(client);
                live.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // closed, or one connection failed: go on with the next
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16_384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // cut or closed
            } finally {
                reset(from);
                reset(to);
            }
        }, "tcp-cutter-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Closes with a reset (no orderly FIN), as a lost network looks to the peers once they notice. */
    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }
}
