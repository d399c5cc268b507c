package com.crosspoint.config;

import com.crosspoint.media.engine.MediaConfig;
import com.crosspoint.media.wav.WavAudio;
import com.crosspoint.media.wav.WavReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Turns the merged configuration into records, validating every value and the rules between them. */
final class ConfigBinder {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final Pattern EXTENSION = Pattern.compile("\\d{2,10}");
    private static final String LOOPBACK = "127.0.0.1";

    private final ConfigValues values;
    private final Supplier<Optional<String>> primaryIpv4;

    ConfigBinder(ConfigValues values, Supplier<Optional<String>> primaryIpv4) {
        this.values = values;
        this.primaryIpv4 = primaryIpv4;
    }

    CrosspointConfig bind() {
        NetworkConfig network = network();
        SipConfig sip = sip();
        RelayConfigBinder turnAndNat = new RelayConfigBinder(values);
        RouterConfigBinder routing = new RouterConfigBinder(values);
        Set<NodeRole> roles = routing.roles();
        CrosspointConfig config = new CrosspointConfig(
                new NodeConfig(matching("node.name", NAME, "1-64 letters, digits, '.', '_' or '-'"), roles),
                new DataConfig(directory("data.dir")),
                network,
                sip,
                nat(sip.registrar(), turnAndNat),
                media(),
                relay(),
                http(network),
                admin(),
                demo(),
                musicOnHold(),
                turnAndNat.turn(),
                new TrunkConfigBinder(values).trunk(),
                routing.router(),
                new GatewayConfigBinder(values).gateway(roles.contains(NodeRole.GATEWAY)),
                new BillingConfigBinder(values).billing(),
                new ChatConfigBinder(values).chat(),
                new AcdConfig(ranged("acd.agentChatCapacity", 0, 20), ranged("acd.maxQueuesPerTenant", 1, 10_000),
                        ranged("acd.maxMembersPerQueue", 1, 10_000)));
        values.requireAllRead();
        requireDistinctPorts(config);
        return config;
    }

    private NetworkConfig network() {
        String bind = ipLiteral("network.bind");
        String advertised = values.string("network.advertisedAddress").trim();
        if (advertised.isEmpty()) {
            advertised = AddressSyntax.isWildcard(bind) ? primaryIpv4.get().orElse(LOOPBACK) : bind;
        } else if (AddressSyntax.isIpLiteral(advertised) ? AddressSyntax.isWildcard(advertised)
                : !AddressSyntax.isHostName(advertised)) {
            throw values.error("network.advertisedAddress",
                    "must be a non-wildcard IP address or a host name, not \"" + advertised + "\"");
        }
        return new NetworkConfig(bind, advertised);
    }

    private SipConfig sip() {
        return new SipConfig(port("sip.port"), tls(), positive("sip.stackThreads"),
                positive("sip.udpBufferBytes"), registrar(), auth(), calls(), limits());
    }

    private SipLimitsConfig limits() {
        return new SipLimitsConfig(ranged("sip.limits.contactsPerAor", 1, 1000),
                ranged("sip.limits.callsPerDevice", 1, 100_000), ranged("sip.limits.callsPerTenant", 1, 1_000_000),
                ranged("sip.limits.subscriptionsPerUser", 1, 1000),
                ranged("sip.limits.tcpConnectionsPerSource", 1, 1_000_000),
                ranged("sip.limits.tcpIdleSeconds", 1, 86_400), ranged("sip.limits.reportSeconds", 1, 86_400));
    }

    private TlsConfig tls() {
        return TlsConfigBinder.bind(values, "sip.tls.");
    }

    private RegistrarConfig registrar() {
        int min = positive("sip.registrar.minExpires");
        int max = positive("sip.registrar.maxExpires");
        int dflt = positive("sip.registrar.defaultExpires");
        if (min > max) {
            throw values.error("sip.registrar.minExpires",
                    "must be <= sip.registrar.maxExpires (got " + min + " > " + max + ")");
        }
        if (dflt < min) {
            throw values.error("sip.registrar.defaultExpires",
                    "must be >= sip.registrar.minExpires (got " + dflt + " < " + min + ")");
        }
        if (dflt > max) {
            throw values.error("sip.registrar.defaultExpires",
                    "must be <= sip.registrar.maxExpires (got " + dflt + " > " + max + ")");
        }
        return new RegistrarConfig(min, max, dflt);
    }

    private SipAuthConfig auth() {
        return new SipAuthConfig(positive("sip.auth.nonceTtlSeconds"), positive("sip.auth.failureLimit"),
                positive("sip.auth.failureWindowSeconds"), positive("sip.auth.blockSeconds"), algorithms(),
                values.stringList("sip.auth.md5OnlyUserAgents"), accountBudget("sip.auth.account."));
    }

    /** A per-account failure budget under {@code prefix} ({@code sip.auth.account.}, {@code http.login.account.}). */
    private SipAuthConfig.AccountBudget accountBudget(String prefix) {
        int backOff = ranged(prefix + "backOffSeconds", 1, 86_400);
        int max = ranged(prefix + "maxBackOffSeconds", 1, 86_400);
        if (max < backOff) {
            throw values.error(prefix + "maxBackOffSeconds",
                    "must be >= " + prefix + "backOffSeconds (got " + max + " < " + backOff + ")");
        }
        return new SipAuthConfig.AccountBudget(ranged(prefix + "failureLimit", 1, 100_000),
                ranged(prefix + "windowSeconds", 1, 86_400), backOff, max);
    }

    private List<String> algorithms() {
        List<String> algorithms = values.stringList("sip.auth.algorithms");
        if (algorithms.isEmpty()) {
            throw values.error("sip.auth.algorithms", "must list at least one of MD5, SHA-256");
        }
        for (String a : algorithms) {
            if (!a.equals("MD5") && !a.equals("SHA-256")) {
                throw values.error("sip.auth.algorithms", "unsupported algorithm " + a + " (MD5 or SHA-256)");
            }
        }
        if (algorithms.stream().distinct().count() != algorithms.size()) {
            throw values.error("sip.auth.algorithms", "lists an algorithm twice");
        }
        return algorithms;
    }

    private CallsConfig calls() {
        return new CallsConfig(positive("sip.calls.lanes"), positive("sip.calls.defaultNoAnswerSeconds"),
                positive("sip.calls.maxCalls"));
    }

    private MediaConfig media() {
        int min = ranged("media.portMin", 1024, 65534);
        int max = ranged("media.portMax", 1025, 65535);
        if (max - (min + (min & 1)) < 1) {
            throw values.error("media.portMax", "must leave room for at least one RTP/RTCP pair above media.portMin"
                    + " (got " + min + ".." + max + ")");
        }
        return new MediaConfig(min, max, ranged("media.receiveThreads", 1, 64),
                ranged("media.jitterDepthFrames", 0, 49), ranged("media.maxRecordingSeconds", 1, 86_400),
                ranged("media.silenceTimeoutSeconds", 1, 3600), ranged("media.silenceThresholdDbfs", -96, -1),
                ranged("media.rtcpIntervalMillis", 100, 600_000), ranged("media.relatchPackets", 1, 1000),
                ranged("media.socketBufferBytes", 1024, 64 * 1024 * 1024));
    }

    private RelayConfig relay() {
        String word = values.string("media.anchor");
        AnchorPolicy anchor = AnchorPolicy.fromWord(word).orElseThrow(() -> values.error("media.anchor",
                "must be nat, always or never, not \"" + word + "\""));
        return new RelayConfig(anchor, ranged("media.relayTimeout", 1, 86_400), ranged("media.relayThreads", 1, 64));
    }

    /** {@code media.musicOnHold}: empty, or a WAV file the media server can loop (8 kHz mono, not empty). */
    private Optional<Path> musicOnHold() {
        String key = "media.musicOnHold";
        String text = values.string(key).trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Path file = path(key, text);
        if (!Files.isRegularFile(file)) {
            throw values.error(key, "no such file: " + file);
        }
        try {
            WavAudio audio = WavReader.read(file);
            if (audio.samples().length == 0) {
                throw values.error(key, file + " holds no audio");
            }
        } catch (IOException e) {
            throw values.error(key, file + " is not an 8 kHz mono WAV file (16-bit PCM or G.711): "
                    + e.getMessage());
        }
        return Optional.of(file);
    }

    private NatConfig nat(RegistrarConfig registrar, RelayConfigBinder addresses) {
        int keepalive = ranged("nat.keepaliveSeconds", 0, 3600);
        int udpExpires = values.integer("nat.udpExpires");
        if (udpExpires != 0 && (udpExpires < registrar.minExpires() || udpExpires > registrar.maxExpires())) {
            throw values.error("nat.udpExpires", "must be 0 or within sip.registrar.minExpires.."
                    + "sip.registrar.maxExpires (" + registrar.minExpires() + ".." + registrar.maxExpires() + "; got "
                    + udpExpires + ")");
        }
        int flowTimer = values.integer("nat.flowTimerSeconds");
        if (flowTimer != 0 && (flowTimer < 5 || flowTimer > 3600)) {
            throw values.error("nat.flowTimerSeconds", "must be 0 (no Flow-Timer) or 5..3600 (got " + flowTimer + ")");
        }
        return new NatConfig(keepalive, udpExpires, flowTimer, addresses.externalAddress(),
                addresses.secondaryAddress());
    }

    private int ranged(String key, int min, int max) {
        int value = values.integer(key);
        if (value < min || value > max) {
            throw values.error(key, "must be " + min + ".." + max + " (got " + value + ")");
        }
        return value;
    }

    private HttpConfig http(NetworkConfig network) {
        int port = port("http.port");
        String bind = values.string("http.bind").trim().isEmpty() ? network.bind() : ipLiteral("http.bind");
        Optional<String> metricsToken = secret("http.metricsToken");
        if (metricsToken.isPresent() && metricsToken.get().length() < 16) {
            throw values.error("http.metricsToken", "must be empty or at least 16 characters");
        }
        return new HttpConfig(port, bind, httpLimits(), accountBudget("http.login.account."), metricsToken);
    }

    private HttpLimitsConfig httpLimits() {
        int max = ranged("http.maxConnections", 1, 1_000_000);
        int perSource = ranged("http.maxConnectionsPerSource", 1, 1_000_000);
        if (perSource > max) {
            throw values.error("http.maxConnectionsPerSource",
                    "must be <= http.maxConnections (got " + perSource + " > " + max + ")");
        }
        return new HttpLimitsConfig(max, perSource, ranged("http.idleTimeoutSeconds", 1, 3600),
                ranged("http.minRequestDataRate", 0, 100_000_000), ranged("http.requestBodyTimeoutSeconds", 1, 3600),
                ranged("http.maxEventStreamsPerLogin", 1, 1000));
    }

    private AdminConfig admin() {
        String username = matching("admin.username", USERNAME, "1-64 letters, digits, '.', '_', '@' or '-'");
        return new AdminConfig(username, secret("admin.password"));
    }

    private DemoConfig demo() {
        boolean enabled = values.bool("demo.enabled");
        String domain = values.string("demo.domain").trim();
        if (!AddressSyntax.isHostName(domain)) {
            throw values.error("demo.domain", "must be a domain name, not \"" + domain + "\"");
        }
        Optional<String> password = secret("demo.password");
        Optional<String> pin = secret("demo.pin");
        if (pin.isPresent() && !pin.get().matches("[0-9]{4,10}")) {
            throw values.error("demo.pin", "must be 4 to 10 digits");
        }
        List<String> extensions = values.stringList("demo.extensions");
        if (extensions.isEmpty()) {
            throw values.error("demo.extensions", "must list at least one extension");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < extensions.size(); i++) {
            String extension = extensions.get(i);
            if (!EXTENSION.matcher(extension).matches()) {
                throw new ConfigException(values.label("demo.extensions") + "[" + i
                        + "]: must be 2 to 10 digits, not \"" + extension + "\"");
            }
            if (!seen.add(extension)) {
                throw values.error("demo.extensions", "lists " + extension + " twice");
            }
        }
        return new DemoConfig(enabled, domain, password, pin, extensions, values.bool("demo.carriers"));
    }

    /** SIP (UDP and TCP), SIP-TLS and HTTP listeners must not collide on one address. */
    private void requireDistinctPorts(CrosspointConfig config) {
        int sip = config.sip().port();
        int tls = config.sip().tls().port();
        int http = config.http().port();
        boolean tlsOn = config.sip().tls().enabled();
        boolean httpShares = overlaps(config.network().bind(), config.http().bind());
        if (tlsOn && clash(tls, sip)) {
            throw values.error("sip.tls.port", "must differ from sip.port (both " + sip + ")");
        }
        if (httpShares && clash(http, sip)) {
            throw values.error("http.port", "must differ from sip.port (both " + sip + ")");
        }
        if (httpShares && tlsOn && clash(http, tls)) {
            throw values.error("http.port", "must differ from sip.tls.port (both " + tls + ")");
        }
        int turn = config.turn().port();
        if (config.turn().enabled() && (clash(turn, sip) || clash(turn, http) || tlsOn && clash(turn, tls))) {
            throw values.error("turn.port", "must differ from sip.port, sip.tls.port and http.port (got " + turn + ")");
        }
    }

    private static boolean clash(int a, int b) {
        return a != 0 && a == b;  // 0 means "any free port", never a clash
    }

    private static boolean overlaps(String a, String b) {
        return a.equals(b) || AddressSyntax.isWildcard(a) || AddressSyntax.isWildcard(b);
    }

    private int port(String key) {
        int port = values.integer(key);
        if (port < 0 || port > 65535) {
            throw values.error(key, "must be a port 1-65535, or 0 for any free port (got " + port + ")");
        }
        return port;
    }

    private int positive(String key) {
        int value = values.integer(key);
        if (value <= 0) {
            throw values.error(key, "must be > 0 (got " + value + ")");
        }
        return value;
    }

    private String ipLiteral(String key) {
        String text = values.string(key).trim();
        if (!AddressSyntax.isIpLiteral(text)) {
            throw values.error(key, "must be an IP address such as 0.0.0.0 or 192.168.1.10, not \"" + text + "\"");
        }
        return text;
    }

    private String matching(String key, Pattern pattern, String description) {
        String text = values.string(key).trim();
        if (!pattern.matcher(text).matches()) {
            throw values.error(key, "must be " + description + ", not \"" + text + "\"");
        }
        return text;
    }

    private Optional<String> secret(String key) {
        String text = values.string(key);
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private Path directory(String key) {
        String text = values.string(key).trim();
        if (text.isEmpty()) {
            throw values.error(key, "must not be empty");
        }
        Path dir = path(key, text);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw values.error(key, "not a directory: " + dir);
        }
        return dir;
    }

    private Path path(String key, String text) {
        try {
            return Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ConfigException(values.label(key) + ": not a valid path: \"" + text + "\"", e);
        }
    }
}
