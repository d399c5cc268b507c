package com.crosspoint.registrar;

import java.util.List;
import java.util.Objects;

/**
 * A REGISTER, already authenticated and reduced to what the registrar needs.
 *
 * @param aor            canonical address-of-record ({@code sip:extension@tenant-domain})
 * @param contacts       the Contact values; empty for a fetch of the current bindings
 * @param wildcard       {@code Contact: *} (remove all)
 * @param expiresHeader  the Expires header value, or null when absent
 * @param source         where the request came from, {@code host:port}
 * @param via            the top Via's sent-by, {@code host[:port]}, or null (for NAT findings)
 * @param path           the Path header values in order (RFC 3327)
 * @param outbound       the REGISTER said {@code Supported: outbound} (RFC 5626)
 * @param local          where it arrived, {@code host:port} of the appliance (the far end of its flow); null when
 *                       unknown
 */
public record RegisterRequest(long tenantId, long userId, long deviceId, String aor,
                              List<ContactSpec> contacts, boolean wildcard, Long expiresHeader,
                              String callId, long cseq, String transport, String source,
                              String userAgent, String via, List<String> path, boolean outbound, String local) {

    public RegisterRequest {
        contacts = List.copyOf(contacts);
        path = List.copyOf(Objects.requireNonNullElse(path, List.of()));
    }

    /** A REGISTER whose arrival address is not recorded. */
    public RegisterRequest(long tenantId, long userId, long deviceId, String aor, List<ContactSpec> contacts,
                           boolean wildcard, Long expiresHeader, String callId, long cseq, String transport,
                           String source, String userAgent, String via, List<String> path, boolean outbound) {
        this(tenantId, userId, deviceId, aor, contacts, wildcard, expiresHeader, callId, cseq, transport, source,
                userAgent, via, path, outbound, null);
    }

    /** A REGISTER with no Via recorded, no Path and no outbound. */
    public RegisterRequest(long tenantId, long userId, long deviceId, String aor, List<ContactSpec> contacts,
                           boolean wildcard, Long expiresHeader, String callId, long cseq, String transport,
                           String source, String userAgent) {
        this(tenantId, userId, deviceId, aor, contacts, wildcard, expiresHeader, callId, cseq, transport, source,
                userAgent, null, List.of(), false, null);
    }

    /**
     * One Contact value: its URI as sent, its {@code expires} parameter (null when absent) and its RFC 5626
     * {@code +sip.instance} and {@code reg-id} (null when absent).
     */
    public record ContactSpec(String uri, Long expires, String instanceId, Integer regId) {
        public ContactSpec(String uri, Long expires) {
            this(uri, expires, null, null);
        }
    }
}
