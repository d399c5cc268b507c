package com.crosspoint.media.sdp;

import com.crosspoint.media.codec.AudioCodec;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What offer/answer agreed for one audio stream, from our side: the engine configures a session from it.
 *
 * @param codec                      the audio codec both sides use
 * @param payloadType                its payload type number in this call (the offerer's numbering)
 * @param telephoneEventPayloadType  RFC 4733 payload type, or -1 when the peer did not offer telephone-event
 * @param remoteRtp                  where the peer wants RTP; null when it must not be sent any (hold address)
 * @param remoteRtcp                 where the peer wants RTCP ({@code a=rtcp} or RTP port + 1); null with remoteRtp
 * @param direction                  what we do: send, receive, both or neither
 * @param ptimeMillis                packetisation (20 unless the peer asked otherwise; the engine sends 20)
 */
public record MediaParameters(AudioCodec codec, int payloadType, int telephoneEventPayloadType,
                              InetSocketAddress remoteRtp, InetSocketAddress remoteRtcp, Direction direction,
                              int ptimeMillis) {

    public MediaParameters {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(direction, "direction");
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0..127: " + payloadType);
        }
        if (telephoneEventPayloadType < -1 || telephoneEventPayloadType > 127) {
            throw new IllegalArgumentException("telephone-event payload type must be -1..127");
        }
    }

    public boolean hasTelephoneEvent() {
        return telephoneEventPayloadType >= 0;
    }
}
