package com.crosspoint.api.dto;

import com.crosspoint.call.MediaPath;
import com.crosspoint.call.PartyMedia;
import java.util.List;

/**
 * How a call's audio travels (the NAT doctor): {@code route} DIRECT, RELAYED or APPLIANCE, a one-line
 * {@code summary} for tables, and per phone what its signalling showed and where the relay hears it.
 */
public record MediaPathDto(MediaPath.Route route, String summary, List<PartyMedia> parties) {

    /** Null for null: a call not yet far enough to say. */
    public static MediaPathDto of(MediaPath path) {
        return path == null ? null : new MediaPathDto(path.route(), path.summary(), path.parties());
    }
}
