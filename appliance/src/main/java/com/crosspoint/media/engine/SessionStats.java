package com.crosspoint.media.engine;

/**
 * A session's counters.
 *
 * @param framesDue        pacing ticks on which the session was due to send a packet (sending and a target known)
 * @param rtpSent          RTP packets sent (audio and telephone-event)
 * @param sendFailures     packets the socket refused or failed to send
 * @param rtpReceived      well-formed RTP packets with a known payload type, from the latched source
 * @param malformed        datagrams that looked like RTP/RTCP but did not parse
 * @param garbage          datagrams that were neither RTP nor RTCP (STUN, DTLS, noise)
 * @param unknownPayload   RTP with a payload type not negotiated
 * @param foreignSource    RTP from an address other than the latched one (counted towards re-latching)
 * @param ignoredOnHold    RTP received while our direction does not receive
 * @param relatches        times the send address changed after the first latch
 * @param rtcpSent         RTCP compound packets sent
 * @param rtcpReceived     RTCP compound packets parsed
 * @param digitsReceived   RFC 4733 key presses reported
 * @param ssrcChanges      times the peer's SSRC changed
 */
public record SessionStats(long framesDue, long rtpSent, long sendFailures, long rtpReceived, long malformed, long garbage,
                           long unknownPayload, long foreignSource, long ignoredOnHold, long relatches,
                           long rtcpSent, long rtcpReceived, long digitsReceived, long ssrcChanges) {
}
