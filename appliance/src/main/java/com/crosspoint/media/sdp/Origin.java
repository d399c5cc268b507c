package com.crosspoint.media.sdp;

import java.util.Objects;

/** The {@code o=} line: who made the description and its version (RFC 4566 §5.2). */
public record Origin(String username, String sessionId, long version, String addressType, String address) {

    public Origin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(addressType, "addressType");
        Objects.requireNonNull(address, "address");
        if (version < 0) {
            throw new IllegalArgumentException("version must be non-negative: " + version);
        }
    }

    public Origin withVersion(long newVersion) {
        return new Origin(username, sessionId, newVersion, addressType, address);
    }

    String line() {
        return "o=" + username + " " + sessionId + " " + version + " IN " + addressType + " " + address;
    }
}
