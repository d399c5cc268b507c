package com.crosspoint.api.dto;

import com.crosspoint.model.Carrier;
import com.crosspoint.model.CarrierTransport;

/**
 * A carrier of the call router. Its password is never shown: {@code passwordSet} says whether digest credentials
 * are kept for it.
 */
public record CarrierDto(long id, String name, String host, int port, CarrierTransport transport, String address,
                         String username, boolean passwordSet, String techPrefix, int maxChannels,
                         int maxCallsPerSecond, boolean inService) {

    public static CarrierDto of(Carrier c) {
        return new CarrierDto(c.id(), c.name(), c.host(), c.port(), c.transport(), c.address(),
                c.credentials() == null ? null : c.credentials().username(), c.credentials() != null, c.techPrefix(),
                c.maxChannels(), c.maxCallsPerSecond(), c.inService());
    }
}
