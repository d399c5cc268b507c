package com.crosspoint.media.rtcp;

import java.util.List;

/** An SDES packet (RFC 3550 §6.5): up to 31 chunks. */
public record SourceDescription(List<SdesChunk> chunks) implements RtcpPacket {

    public SourceDescription {
        chunks = List.copyOf(chunks);
        if (chunks.size() > 31) {
            throw new IllegalArgumentException("at most 31 chunks: " + chunks.size());
        }
    }

    @Override
    public int packetType() {
        return SDES;
    }
}
