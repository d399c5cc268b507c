package com.crosspoint.media.engine;

import com.crosspoint.media.sdp.MediaParameters;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** Where a {@link LatchingReceiver} hands RTCP, from either port (RFC 5761 multiplexing). Receive thread. */
@FunctionalInterface
interface RtcpHandler {

    /**
     * @param datagram position to limit is the compound packet; must not be kept
     * @param stream   the negotiated stream, or null before the first update
     */
    void onRtcp(ByteBuffer datagram, InetSocketAddress from, MediaParameters stream);
}
