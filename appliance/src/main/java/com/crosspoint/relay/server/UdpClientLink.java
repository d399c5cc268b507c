package com.crosspoint.relay.server;

import com.crosspoint.relay.turn.ClientLink;
import com.crosspoint.relay.turn.FiveTuple;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The way back to a UDP client: the listening socket it wrote to (DatagramChannel sends are thread-safe). */
record UdpClientLink(FiveTuple fiveTuple, DatagramChannel channel) implements ClientLink {
    private static final Logger LOG = LoggerFactory.getLogger(UdpClientLink.class);

    @Override
    public void send(byte[] data, int offset, int length) {
        try {
            channel.send(ByteBuffer.wrap(data, offset, length), fiveTuple.client());
        } catch (IOException e) {
            LOG.debug("cannot send to {}: {}", fiveTuple.client(), e.getMessage());
        }
    }

    @Override
    public boolean stream() {
        return false;
    }
}
