package com.crosspoint.bench;

/** No relay: each phone sends straight to the other, the baseline the relays' added delay is measured against. */
final class DirectPeer implements RelayPeer {

    @Override
    public String name() {
        return "direct";
    }

    @Override
    public void connect(RtpLoad load) {
        for (int i = 0; i < load.calls(); i++) {
            load.route(i, load.callee(i), load.caller(i));
        }
    }

    @Override
    public void disconnect() {
        // nothing was set up
    }

    @Override
    public double cpuSeconds() {
        return 0;
    }

    @Override
    public Memory memory() {
        return new Memory(-1, 0);
    }

    @Override
    public void close() {
        // nothing to stop
    }
}
