package com.crosspoint.config;

import java.util.Locale;

/** What a node runs ({@code node.roles}); one box runs all three by default. */
public enum NodeRole {
    /** Registrar, B2BUA call control, media, voicemail, conferences, STUN/TURN: the phones' side. */
    PBX,
    /** The call router: the lean SIP proxy core routing the PBXs' outside calls to carriers with the ACR. */
    ROUTER,
    /** The media gateway (DIDs to PBX nodes); accepted, not built yet (issue 12, item 4). */
    GATEWAY;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
