package com.crosspoint.registrar;

import java.util.List;

/**
 * A REGISTER, already authenticated and reduced to what the registrar needs.
 *
 * @param aor            canonical address-of-record ({@code sip:extension@tenant-domain})
 * @param contacts       the Contact values; empty for a fetch of the current bindings
 * @param wildcard       {@code Contact: *} (remove all)
 * @param expiresHeader  the Expires header value, or null when absent
 * @param source         where the request came from, {@code host:port}
 */
public record RegisterRequest(long tenantId, long userId, long deviceId, String aor,
                              List<ContactSpec> contacts, boolean wildcard, Long expiresHeader,
                              String callId, long cseq, String transport, String source,
                              String userAgent) {

    /** One Contact value: its URI as sent and its {@code expires} parameter (null when absent). */
    public record ContactSpec(String uri, Long expires) {
    }
}
