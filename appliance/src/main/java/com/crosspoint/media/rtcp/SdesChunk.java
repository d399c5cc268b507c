package com.crosspoint.media.rtcp;

import java.util.List;
import java.util.Optional;

/** The SDES items describing one SSRC/CSRC. */
public record SdesChunk(long ssrc, List<SdesItem> items) {

    public SdesChunk {
        Unsigned.require32(ssrc, "ssrc");
        items = List.copyOf(items);
    }

    public Optional<String> cname() {
        return items.stream().filter(item -> item.type() == SdesItem.CNAME).map(SdesItem::text).findFirst();
    }
}
