package com.crosspoint.trunk;

import java.util.Objects;
import java.util.Optional;

/**
 * A call leaving the PBX for the public network, as decided: the number to send (E.164, or an emergency number as
 * dialled) and the caller ID to present (a DID of the caller or the tenant; empty only for an emergency call from
 * a tenant without DIDs, which goes out anyway).
 */
public record OutsideCall(String number, boolean emergency, Optional<String> callerId) {
    public OutsideCall {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(callerId, "callerId");
    }
}
