package com.crosspoint.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Binds {@code turn.*} and {@code nat.*} (kept apart from {@link ConfigBinder}, which binds the rest). */
final class RelayConfigBinder {
    private final ConfigValues values;

    RelayConfigBinder(ConfigValues values) {
        this.values = values;
    }

    /** {@code nat.externalAddress}: the public IP of a node behind a 1:1 NAT. */
    Optional<String> externalAddress() {
        return optionalIp("nat.externalAddress");
    }

    /** {@code nat.secondaryAddress}: a second IP of this node, for RFC 5780 behaviour discovery. */
    Optional<String> secondaryAddress() {
        return optionalIp("nat.secondaryAddress");
    }

    TurnConfig turn() {
        int min = ranged("turn.relayPortMin", 1024, 65535);
        int max = ranged("turn.relayPortMax", 1024, 65535);
        if (max <= min) {
            throw values.error("turn.relayPortMax", "must be above turn.relayPortMin (got " + min + ".." + max + ")");
        }
        int allocation = ranged("turn.allocationLifetimeSeconds", 10, 86_400);
        int maxAllocation = ranged("turn.maxAllocationLifetimeSeconds", 10, 86_400);
        if (maxAllocation < allocation) {
            throw values.error("turn.maxAllocationLifetimeSeconds",
                    "must be >= turn.allocationLifetimeSeconds (got " + maxAllocation + " < " + allocation + ")");
        }
        var lifetimes = new TurnConfig.Lifetimes(allocation, maxAllocation,
                ranged("turn.permissionLifetimeSeconds", 1, 86_400), ranged("turn.channelLifetimeSeconds", 1, 86_400),
                ranged("turn.nonceTtlSeconds", 10, 86_400));
        int perUser = ranged("turn.allocationsPerUser", 1, 100_000);
        int perTenant = ranged("turn.allocationsPerTenant", 1, 1_000_000);
        int total = ranged("turn.maxAllocations", 1, 1_000_000);
        String software = values.string("turn.software").trim();
        if (software.length() > 127 || software.chars().anyMatch(Character::isDigit)) {
            throw values.error("turn.software", "must be a name without digits (no version number), at most 127"
                    + " characters, not \"" + software + "\"");
        }
        return new TurnConfig(values.bool("turn.enabled"), port("turn.port"), tls(), realm(), software,
                ranged("turn.ioThreads", 1, 64), min, max, lifetimes, new TurnConfig.Quotas(perUser, perTenant, total),
                ranged("turn.requestsPerSecondPerSource", 1, 1_000_000),
                ranged("turn.tcpConnectionsPerSource", 1, 1_000_000), allowedPeers(),
                optional("turn.restSecret"), ranged("turn.restTtlSeconds", 60, 30 * 86_400));
    }

    private TlsConfig tls() {
        return TlsConfigBinder.bind(values, "turn.tls.");
    }

    private Optional<String> realm() {
        String realm = values.string("turn.realm").trim();
        if (realm.isEmpty()) {
            return Optional.empty();
        }
        if (!AddressSyntax.isHostName(realm) && !AddressSyntax.isIpLiteral(realm)) {
            throw values.error("turn.realm", "must be a domain name (a tenant's SIP domain), not \"" + realm + "\"");
        }
        return Optional.of(realm.toLowerCase(Locale.ROOT));
    }

    private List<String> allowedPeers() {
        List<String> ranges = values.stringList("turn.allowedPeers");
        for (String range : ranges) {
            if (!isCidr(range)) {
                throw values.error("turn.allowedPeers", "\"" + range + "\" is not an address range such as"
                        + " 127.0.0.1/32 or fd00::/8");
            }
        }
        return ranges;
    }

    private static boolean isCidr(String text) {
        int slash = text.indexOf('/');
        String ip = slash < 0 ? text : text.substring(0, slash);
        if (!AddressSyntax.isIpLiteral(ip)) {
            return false;
        }
        try {
            int bits = InetAddress.getByName(ip).getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            return prefix >= 0 && prefix <= bits;
        } catch (NumberFormatException | UnknownHostException e) {
            return false;
        }
    }

    private Optional<String> optionalIp(String key) {
        String text = values.string(key).trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!AddressSyntax.isIpLiteral(text) || AddressSyntax.isWildcard(text)) {
            throw values.error(key, "must be an IP address (not a wildcard), not \"" + text + "\"");
        }
        return Optional.of(text);
    }

    private Optional<String> optional(String key) {
        String text = values.string(key);
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private int port(String key) {
        return ranged(key, 0, 65535);
    }

    private int ranged(String key, int min, int max) {
        int value = values.integer(key);
        if (value < min || value > max) {
            throw values.error(key, "must be " + min + ".." + max + " (got " + value + ")");
        }
        return value;
    }
}
