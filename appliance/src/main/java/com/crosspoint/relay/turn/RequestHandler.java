package com.crosspoint.relay.turn;

import com.crosspoint.relay.stun.StunMessage;

/** Handles one TURN request method once the request authenticated. */
interface RequestHandler {

    void handle(StunMessage request, ClientLink link, AuthOutcome.Authenticated auth);
}
