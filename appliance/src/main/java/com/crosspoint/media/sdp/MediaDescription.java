package com.crosspoint.media.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code m=} section (RFC 4566 §5.14) with the attributes a telephony media server reads.
 *
 * @param media       {@code audio}, {@code video}, ...
 * @param port        the RTP port; 0 = stream rejected or disabled (RFC 3264 §5.1)
 * @param protocol    {@code RTP/AVP}, {@code RTP/SAVP}, ...
 * @param formats     the format list as written (payload type numbers for RTP)
 * @param connection  a media-level {@code c=}, or null to use the session's
 * @param rtpMaps     {@code a=rtpmap} by payload type, in order of appearance
 * @param fmtps       {@code a=fmtp} parameters by payload type
 * @param ptime       {@code a=ptime} in ms, or null
 * @param direction   the media-level direction attribute, or null when absent (then the session's, else sendrecv)
 * @param rtcpPort    {@code a=rtcp} port (RFC 3605), or null for RTP port + 1
 * @param otherAttributes attributes not interpreted, kept for tests and logs ({@code name} or {@code name:value})
 */
public record MediaDescription(String media, int port, String protocol, List<String> formats, Connection connection,
                               Map<Integer, RtpMap> rtpMaps, Map<Integer, String> fmtps, Integer ptime,
                               Direction direction, Integer rtcpPort, List<String> otherAttributes) {

    public MediaDescription {
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(protocol, "protocol");
        formats = List.copyOf(formats);
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("a media description needs at least one format");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        rtpMaps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rtpMaps));
        fmtps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fmtps));
        otherAttributes = List.copyOf(otherAttributes);
    }

    /** A rejected copy of this stream for an answer: port 0, same media, protocol and formats. */
    public MediaDescription rejected() {
        return new MediaDescription(media, 0, protocol, formats, null, Map.of(), Map.of(), null, null, null,
                List.of());
    }

    public boolean isRejected() {
        return port == 0;
    }

    /** Whether this is plain RTP audio we can terminate ({@code RTP/AVP}; SRTP and AVPF profiles are not). */
    public boolean isRtpAudio() {
        return media.equals("audio") && protocol.equalsIgnoreCase("RTP/AVP");
    }

    /** The payload types of the format list, for RTP streams; formats that are not numbers are skipped. */
    public List<Integer> payloadTypes() {
        List<Integer> types = new ArrayList<>();
        for (String format : formats) {
            try {
                int pt = Integer.parseInt(format);
                if (pt >= 0 && pt <= 127) {
                    types.add(pt);
                }
            } catch (NumberFormatException ignored) {
                // not an RTP payload type
            }
        }
        return types;
    }

    /** The mapping of a payload type: its rtpmap, else the static RFC 3551 one. */
    public Optional<RtpMap> mapping(int payloadType) {
        RtpMap map = rtpMaps.get(payloadType);
        return map != null ? Optional.of(map) : RtpMap.staticType(payloadType);
    }

    void appendTo(StringBuilder out) {
        out.append("m=").append(media).append(' ').append(port).append(' ').append(protocol);
        formats.forEach(f -> out.append(' ').append(f));
        out.append("\r\n");
        if (connection != null) {
            out.append(connection.line()).append("\r\n");
        }
        for (String format : formats) {
            try {
                int pt = Integer.parseInt(format);
                RtpMap map = rtpMaps.get(pt);
                if (map != null) {
                    out.append("a=rtpmap:").append(map.value()).append("\r\n");
                }
                String fmtp = fmtps.get(pt);
                if (fmtp != null) {
                    out.append("a=fmtp:").append(pt).append(' ').append(fmtp).append("\r\n");
                }
            } catch (NumberFormatException ignored) {
                // no rtpmap for a non-RTP format
            }
        }
        if (ptime != null) {
            out.append("a=ptime:").append(ptime).append("\r\n");
        }
        if (rtcpPort != null) {
            out.append("a=rtcp:").append(rtcpPort).append("\r\n");
        }
        otherAttributes.forEach(a -> out.append("a=").append(a).append("\r\n"));
        if (direction != null) {
            out.append("a=").append(direction.attribute()).append("\r\n");
        }
    }
}
