package com.crosspoint.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Binds {@code node.roles} and {@code router.*} (kept apart from {@link ConfigBinder}, which binds the rest). */
final class RouterConfigBinder {
    private final ConfigValues values;

    RouterConfigBinder(ConfigValues values) {
        this.values = values;
    }

    Set<NodeRole> roles() {
        Set<NodeRole> roles = EnumSet.noneOf(NodeRole.class);
        for (String text : values.stringList("node.roles")) {
            try {
                roles.add(NodeRole.valueOf(text.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw values.error("node.roles", "a role is pbx, router or gateway, not \"" + text + "\"");
            }
        }
        if (roles.isEmpty()) {
            throw values.error("node.roles", "must name at least one of pbx, router, gateway");
        }
        return roles;
    }

    RouterConfig router() {
        List<String> customers = values.stringList("router.customers");
        for (String c : customers) {
            if (!AddressSyntax.isIpLiteral(c.trim()) || AddressSyntax.isWildcard(c.trim())) {
                throw values.error("router.customers", "a customer is an IP address, not \"" + c + "\"");
            }
        }
        List<String> digestCustomers = values.stringList("router.digestCustomers");
        for (String d : digestCustomers) {
            int colon = d.indexOf(':');
            if (colon < 1 || colon == d.length() - 1) {
                throw values.error("router.digestCustomers", "an entry is \"username:password\"");
            }
        }
        return new RouterConfig(ranged("router.port", 0, 65_535), ranged("router.udpThreads", 1, 64),
                ranged("router.maxPending", 1, 1_000_000), values.bool("router.overloadControl"), ranged("router.silenceMillis", 0, 60_000),
                ranged("router.ringSeconds", 1, 600), ranged("router.probeSeconds", 0, 3600),
                customers.stream().map(String::trim).toList(), digestCustomers, ranged("router.customerCallsPerSecond", 0, 100_000),
                Duration.ofSeconds(ranged("router.quality.bucketSeconds", 1, 86_400)),
                ranged("router.quality.buckets", 1, 1440), ranged("router.quality.minAttempts", 1, 1_000_000), policy(),
                new BreakerConfig(ranged("router.breaker.failuresToOpen", 1, 1000),
                        ranged("router.breaker.coolDownSeconds", 0, 86_400),
                        ranged("router.breaker.trialTimeoutSeconds", 1, 86_400)),
                TlsConfigBinder.bind(values, "router.tls."), carrierTls());
    }

    private CarrierTlsConfig carrierTls() {
        String p = "router.tls.";
        String type = values.string(p + "trustStoreType").trim().toUpperCase(Locale.ROOT);
        if (!type.equals("PKCS12") && !type.equals("JKS")) {
            throw values.error(p + "trustStoreType",
                    "must be PKCS12 or JKS, not \"" + values.string(p + "trustStoreType") + "\"");
        }
        String password = values.string(p + "trustStorePassword");
        String text = values.string(p + "trustStore").trim();
        Optional<Path> file = Optional.empty();
        if (!text.isEmpty()) {
            try {
                file = Optional.of(Path.of(text).toAbsolutePath().normalize());
            } catch (InvalidPathException e) {
                throw values.error(p + "trustStore", "not a valid path: \"" + text + "\"");
            }
        }
        CarrierTlsConfig config = new CarrierTlsConfig(file, password, type, values.bool(p + "verifyHostname"),
                Duration.ofSeconds(ranged(p + "handshakeSeconds", 1, 300)));
        if (file.isPresent()) {
            if (!Files.isReadable(file.get())) {
                throw values.error(p + "trustStore", "file not found or not readable: " + file.get());
            }
            try {
                config.clientContext(); // a wrong type or password fails at start, naming the key
            } catch (RuntimeException e) {
                throw values.error(p + "trustStore", "cannot be read as " + type + " with that password: "
                        + e.getMessage());
            }
        }
        return config;
    }

    private RoutingPolicyConfig policy() {
        String p = "router.policy.";
        double price = weight(p + "priceWeight");
        double quality = weight(p + "qualityWeight");
        double availability = weight(p + "availabilityWeight");
        if (price + quality + availability <= 0) {
            throw values.error(p + "priceWeight", "the price, quality and availability weights must not all be 0");
        }
        double asr = weight(p + "asrWeight");
        double ner = weight(p + "nerWeight");
        double pdd = weight(p + "pddWeight");
        double mos = weight(p + "mosWeight");
        if (asr + ner + pdd + mos <= 0) {
            throw values.error(p + "asrWeight", "the ASR, NER, PDD and MOS weights must not all be 0");
        }
        return new RoutingPolicyConfig(price, quality, availability, asr, ner, pdd, mos,
                decimal(p + "minAsrPercent", 0, 100) / 100.0, ranged(p + "maxPddMillis", 0, 600_000),
                mosFloor(p + "minMos"), ranged(p + "minMosSamples", 1, 1_000_000),
                ranged(p + "pddForZeroScoreMillis", 1, 600_000));
    }

    private double weight(String key) {
        return decimal(key, 0, 1000);
    }

    private double decimal(String key, double min, double max) {
        double value = values.decimal(key);
        if (value < min || value > max) {
            throw values.error(key, "must be " + min + ".." + max + " (got " + value + ")");
        }
        return value;
    }

    /** A MOS floor: 0 (none) or 1 to 5 with at most two decimals, e.g. 3.6. */
    private double mosFloor(String key) {
        String text = values.string(key).trim();
        if (!text.matches("[0-9](\\.[0-9]{1,2})?")) {
            throw values.error(key, "must be 0 (no floor) or a MOS from 1 to 5 such as 3.6, not \"" + text + "\"");
        }
        double mos = Double.parseDouble(text);
        if (mos != 0 && (mos < 1 || mos > 5)) {
            throw values.error(key, "must be 0 (no floor) or 1..5 (got " + text + ")");
        }
        return mos;
    }

    private int ranged(String key, int min, int max) {
        int value = values.integer(key);
        if (value < min || value > max) {
            throw values.error(key, "must be " + min + ".." + max + " (got " + value + ")");
        }
        return value;
    }
}
