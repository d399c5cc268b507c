package com.crosspoint.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One persistent connection to baresip's ctrl_tcp module: JSON commands and responses matched by token,
 * and every event pushed to a sink. baresip 1.0.0 serves a single client (a new connection replaces the
 * previous one) and only runs "long" commands (dial, accept, hangup, message, reginfo, quit, ...).
 */
final class BaresipControl implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final OutputStream out;
    private final Consumer<BaresipEvent> eventSink;
    private final Consumer<String> diagnostics;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();
    private final Thread reader;
    private volatile boolean closing;

    private BaresipControl(Socket socket, Consumer<BaresipEvent> eventSink, Consumer<String> diagnostics)
            throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.eventSink = eventSink;
        this.diagnostics = diagnostics;
        InputStream in = new BufferedInputStream(socket.getInputStream());
        this.reader = new Thread(() -> readLoop(in), "baresip-ctrl-" + socket.getPort());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Connects to 127.0.0.1:port, retrying while baresip is still starting.
     *
     * @param alive       false once the process died (stop retrying early)
     * @param diagnostics receives protocol problems for the log
     */
    static BaresipControl connect(int port, Duration timeout, BooleanSupplier alive, Consumer<BaresipEvent> eventSink,
            Consumer<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline && alive.getAsBoolean()) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                socket.setTcpNoDelay(true);
                return new BaresipControl(socket, eventSink, diagnostics);
            } catch (IOException e) {
                last = e;
                closeSocket(socket, diagnostics);
                pause(50);
            }
        }
        throw new IllegalStateException("cannot connect to baresip ctrl_tcp on 127.0.0.1:" + port + " within "
                + timeout + (alive.getAsBoolean() ? "" : " (process exited)"), last);
    }

    /**
     * Runs one long command and returns its response data (ANSI stripped).
     *
     * @throws IllegalStateException if baresip answers ok=false or does not answer within {@code timeout}
     */
    String command(String command, String params, Duration timeout) {
        String token = Long.toString(tokens.incrementAndGet());
        ObjectNode request = JSON.createObjectNode().put("command", command).put("token", token);
        if (params != null && !params.isEmpty()) {
            request.put("params", params);
        }
        CompletableFuture<JsonNode> response = new CompletableFuture<>();
        pending.put(token, response);
        try {
            synchronized (out) {
                out.write(Netstring.encode(request.toString()));
                out.flush();
            }
            JsonNode answer = response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String data = AnsiText.strip(answer.path("data").asText(""));
            if (!answer.path("ok").asBoolean(false)) {
                throw new IllegalStateException("baresip rejected '" + command + " " + params + "': " + data);
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send '" + command + "' to baresip", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no response to '" + command + "' within " + timeout, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("connection lost while waiting for '" + command + "'", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for '" + command + "'", e);
        } finally {
            pending.remove(token);
        }
    }

    @Override
    public void close() {
        closing = true;
        closeSocket(socket, diagnostics);
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing ctrl_tcp reader", e);
        }
    }

    private void readLoop(InputStream in) {
        IOException failure = null;
        try {
            String frame;
            while ((frame = Netstring.read(in)) != null) {
                dispatch(frame);
            }
        } catch (IOException e) {
            failure = e;
            if (!closing) {
                diagnostics.accept("ctrl_tcp connection failed: " + e);
            }
        }
        IOException cause = failure != null ? failure : new IOException("ctrl_tcp connection closed by baresip");
        pending.values().forEach(f -> f.completeExceptionally(cause));
    }

    private void dispatch(String frame) {
        JsonNode json;
        try {
            json = JSON.readTree(frame);
        } catch (IOException e) {
            diagnostics.accept("unparseable ctrl_tcp frame: " + frame + " (" + e.getMessage() + ")");
            return;
        }
        if (json.path("event").asBoolean(false)) {
            eventSink.accept(BaresipEvent.fromJson(json));
        } else if (json.path("response").asBoolean(false)) {
            CompletableFuture<JsonNode> waiter = pending.get(json.path("token").asText(""));
            if (waiter != null) {
                waiter.complete(json);
            } else {
                diagnostics.accept("unsolicited ctrl_tcp response: " + frame);
            }
        } else {
            diagnostics.accept("unknown ctrl_tcp frame: " + frame);
        }
    }

    private static void closeSocket(Socket socket, Consumer<String> diagnostics) {
        try {
            socket.close();
        } catch (IOException e) {
            diagnostics.accept("closing ctrl_tcp socket: " + e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to ctrl_tcp", e);
        }
    }
}
