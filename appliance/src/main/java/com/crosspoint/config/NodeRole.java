package com.crosspoint.config;

import java.util.Locale;

/** What a node runs ({@code node.roles}); one box runs the PBX and the router by default, the gateway when named. */
public enum NodeRole {
    /** Registrar, B2BUA call control, media, voicemail, conferences, STUN/TURN: the phones' side. */
    PBX,
    /** The call router: the lean SIP proxy core routing the PBXs' outside calls to carriers with the ACR. */
    ROUTER,
    /** The media gateway: the carriers' calls to the DIDs, each to its PBX node or that node's backup. */
    GATEWAY;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
