package com.crosspoint.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A carrier the call router sends calls to (issue 12): where it listens, how we authenticate to it,
 * and how much traffic it takes.
 *
 * @param name              unique among carriers; shown in the console and in route explanations
 * @param host              host name or IP literal of the carrier's SIP proxy
 * @param port              its SIP port
 * @param credentials       what we answer the carrier's digest challenges with, or null when it does not challenge
 * @param techPrefix        digits put before the dialled number on the way to this carrier ("" for none)
 * @param maxChannels       most calls at once, 0 for no limit
 * @param maxCallsPerSecond most new calls in one second, 0 for no limit
 * @param inService         false takes the carrier out of routing without deleting it
 */
public record Carrier(long id, String name, String host, int port, CarrierTransport transport,
                      CarrierCredentials credentials, String techPrefix, int maxChannels, int maxCallsPerSecond,
                      boolean inService) {
    public static final int MAX_NAME_LENGTH = 64;
    private static final Pattern TECH_PREFIX = Pattern.compile("[0-9#*]{0,16}");

    public Carrier {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(techPrefix, "techPrefix");
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name must be 1-" + MAX_NAME_LENGTH + " characters: \"" + name + "\"");
        }
        if (host.isBlank() || host.length() > 255) {
            throw new IllegalArgumentException("host must be 1-255 characters: \"" + host + "\"");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in [1, 65535]: " + port);
        }
        if (!TECH_PREFIX.matcher(techPrefix).matches()) {
            throw new IllegalArgumentException("techPrefix must be up to 16 of 0-9, # and *: \"" + techPrefix + "\"");
        }
        if (maxChannels < 0 || maxCallsPerSecond < 0) {
            throw new IllegalArgumentException("limits must not be negative (0 = none): " + maxChannels + ", "
                    + maxCallsPerSecond);
        }
    }

    /** {@code host:port}, with an IPv6 literal in brackets. */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    public Carrier withId(long newId) {
        return new Carrier(newId, name, host, port, transport, credentials, techPrefix, maxChannels,
                maxCallsPerSecond, inService);
    }

    public Carrier withInService(boolean serving) {
        return new Carrier(id, name, host, port, transport, credentials, techPrefix, maxChannels, maxCallsPerSecond,
                serving);
    }
}
