package com.crosspoint.proxy.core;

import com.crosspoint.proxy.transport.ConnectFailureListener;
import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.transport.Flow;
import com.crosspoint.proxy.transport.Sender;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A Sender that keeps what was sent, in order, as text with where it went. */
final class RecordingSender implements Sender {
    /** One message sent: {@code to} is host:port, {@code upstream} whether it was a reply on an arrival flow. */
    record Sent(String to, boolean upstream, String text) {
        String firstLine() {
            return text.substring(0, text.indexOf("\r\n"));
        }
    }

    private final List<Sent> sent = new ArrayList<>();
    /** Who the core asked to hear of connect failures (the test reports them). */
    volatile ConnectFailureListener connectFailures;

    @Override
    public void onConnectFailure(ConnectFailureListener listener) {
        this.connectFailures = listener;
    }

    @Override
    public synchronized void send(Destination to, byte[] bytes, int offset, int length) {
        sent.add(new Sent(to.transport() + " " + to.address().getAddress().getHostAddress() + ":" + to.address().getPort(),
                false, new String(bytes, offset, length, StandardCharsets.ISO_8859_1)));
    }

    @Override
    public synchronized void reply(Flow flow, byte[] bytes, int offset, int length) {
        sent.add(new Sent(flow.transport() + " " + flow.remote().getAddress().getHostAddress() + ":" + flow.remote().getPort(),
                true, new String(bytes, offset, length, StandardCharsets.ISO_8859_1)));
    }

    /** Everything sent since the last call. */
    synchronized List<Sent> take() {
        List<Sent> out = List.copyOf(sent);
        sent.clear();
        return out;
    }
}
