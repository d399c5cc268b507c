package com.crosspoint.media.engine;

import com.crosspoint.media.sdp.MediaParameters;

/**
 * Where a {@link LatchingReceiver} hands the RTP it accepts. A session's consumer decodes
 * ({@link DecodingConsumer}: jitter buffer, DTMF); a relay's would forward {@link ReceivedRtp#datagram()} as it
 * is. Both methods run on the receive thread, must not block, and must not keep the packet.
 */
interface RtpConsumer {

    /** Whether a packet is of use; refusals are counted by the receiver. */
    enum Admission { ACCEPT, UNKNOWN_PAYLOAD, MALFORMED }

    /**
     * Asked before the packet counts towards latching, so that a payload nobody negotiated cannot move the
     * latch.
     */
    Admission admit(ReceivedRtp packet, MediaParameters stream);

    /** An admitted packet from the latched source while the stream receives; already in the statistics. */
    void accept(ReceivedRtp packet, MediaParameters stream);
}
