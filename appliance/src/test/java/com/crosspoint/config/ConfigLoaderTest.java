package com.crosspoint.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    private static final Optional<String> HOST_ADDRESS = Optional.of("192.0.2.10");

    @TempDir
    Path dir;

    private static ConfigLoader loader(Map<String, String> env) {
        return new ConfigLoader(env, () -> HOST_ADDRESS);
    }

    private Path nodeFile(String yaml) throws IOException {
        return Files.writeString(dir.resolve("node.yaml"), yaml);
    }

    @Test
    void defaultsMatchTheDocumentedValues() {
        CrosspointConfig config = loader(Map.of()).load(Optional.empty());

        assertThat(config.node()).isEqualTo(new NodeConfig("crosspoint-1"));
        assertThat(config.data().dir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(config.network()).isEqualTo(new NetworkConfig("0.0.0.0", "192.0.2.10"));
        assertThat(config.sip().port()).isEqualTo(5060);
        assertThat(config.sip().tls()).isEqualTo(new TlsConfig(5061, Optional.empty(), "", "PKCS12"));
        assertThat(config.sip().tls().enabled()).isFalse();
        assertThat(config.sip().stackThreads()).isEqualTo(4);
        assertThat(config.sip().udpBufferBytes()).isEqualTo(4_194_304);
        assertThat(config.sip().registrar()).isEqualTo(new RegistrarConfig(60, 3600, 3600));
        assertThat(config.sip().auth()).isEqualTo(new SipAuthConfig(300, 10, 60, 300, List.of("MD5", "SHA-256"), List.of("baresip v1.", "baresip v0."),
                new SipAuthConfig.AccountBudget(20, 600, 60, 3600)));
        assertThat(config.sip().calls()).isEqualTo(new CallsConfig(16, 20, 2000));
        assertThat(config.sip().limits()).isEqualTo(new SipLimitsConfig(10, 10, 500, 10, 100, 120, 60));
        assertThat(config.media()).isEqualTo(new com.crosspoint.media.engine.MediaConfig(20000, 29999, 2, 3, 180, 5,
                -45, 5000, 5, 131072));
        assertThat(config.media()).isEqualTo(com.crosspoint.media.engine.MediaConfig.DEFAULTS);
        assertThat(config.relay()).isEqualTo(RelayConfig.DEFAULTS);
        assertThat(config.relay()).isEqualTo(new RelayConfig(AnchorPolicy.NAT, 60, 2));
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.http().bind()).isEqualTo("0.0.0.0");
        assertThat(config.admin()).isEqualTo(new AdminConfig("admin", Optional.empty()));
        assertThat(config.demo()).isEqualTo(new DemoConfig(false, "demo.crosspoint.local", Optional.empty(), Optional.empty(),
                List.of("1001", "1002", "1003", "1004"), true));
    }

    @Test
    void classpathDefaultsAreTheRepositoryFile() throws IOException {
        // Surefire runs in appliance/, so the repository's config/ is one level up.
        byte[] repoFile = Files.readAllBytes(Path.of("..", "config", "crosspoint.yaml"));
        try (InputStream packaged = getClass().getClassLoader().getResourceAsStream(ConfigLoader.DEFAULTS_RESOURCE)) {
            assertThat(packaged).isNotNull();
            assertThat(packaged.readAllBytes()).isEqualTo(repoFile);
        }
    }

    @Test
    void nodeFileOverridesOnlyTheKeysItNames() throws IOException {
        Path file = nodeFile("""
                node:
                  name: edge-7
                sip:
                  port: 5070
                  registrar:
                    maxExpires: 7200
                demo:
                  extensions: [200, 201]
                """);

        CrosspointConfig config = loader(Map.of()).load(Optional.of(file));

        assertThat(config.node().name()).isEqualTo("edge-7");
        assertThat(config.sip().port()).isEqualTo(5070);
        assertThat(config.sip().registrar()).isEqualTo(new RegistrarConfig(60, 7200, 3600));
        assertThat(config.sip().auth()).isEqualTo(new SipAuthConfig(300, 10, 60, 300, List.of("MD5", "SHA-256"), List.of("baresip v1.", "baresip v0."),
                new SipAuthConfig.AccountBudget(20, 600, 60, 3600)));
        assertThat(config.demo().extensions()).containsExactly("200", "201");
    }

    @Test
    void environmentOverridesNodeFileWhichOverridesDefaults() throws IOException {
        Path file = nodeFile("""
                sip:
                  port: 5070
                http:
                  port: 9000
                admin:
                  password: from-file
                """);
        Map<String, String> env = Map.of(
                "CROSSPOINT_SIP_PORT", "5080",
                "CROSSPOINT_ADMIN_PASSWORD", "from-env");

        CrosspointConfig config = loader(env).load(Optional.of(file));

        assertThat(config.sip().port()).isEqualTo(5080);
        assertThat(config.http().port()).isEqualTo(9000);
        assertThat(config.admin().password()).contains("from-env");
    }

    @Test
    void everyEnvironmentVariableSetsItsKey() {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "CROSSPOINT_DATA", dir.resolve("state").toString(),
                "CROSSPOINT_BIND", "127.0.0.1",
                "CROSSPOINT_ADVERTISED_ADDRESS", "pbx.example.com",
                "CROSSPOINT_SIP_PORT", "15060",
                "CROSSPOINT_HTTP_PORT", "18080",
                "CROSSPOINT_TURN_PORT", "13478",
                "CROSSPOINT_ADMIN_PASSWORD", "s3cret",
                "CROSSPOINT_DEMO_PASSWORD", "demo-pw",
                "CROSSPOINT_DEMO_PIN", "2468"));
        env.put("CROSSPOINT_ROLES", "router");
        env.put("CROSSPOINT_ROUTER_PORT", "15070");
        env.put("CROSSPOINT_GATEWAY_PORT", "15080");
        env.put("CROSSPOINT_DEMO_CARRIERS", "false");

        CrosspointConfig config = loader(env).load(Optional.empty());

        assertThat(config.data().dir()).isEqualTo(dir.resolve("state").toAbsolutePath());
        assertThat(config.network()).isEqualTo(new NetworkConfig("127.0.0.1", "pbx.example.com"));
        assertThat(config.sip().port()).isEqualTo(15060);
        assertThat(config.http().port()).isEqualTo(18080);
        assertThat(config.turn().port()).isEqualTo(13478);
        assertThat(config.http().bind()).isEqualTo("127.0.0.1");
        assertThat(config.admin().password()).contains("s3cret");
        assertThat(config.demo().password()).contains("demo-pw");
        assertThat(config.demo().pin()).contains("2468");
        assertThat(config.demo().carriers()).isFalse();
        assertThat(config.node().roles()).containsExactly(NodeRole.ROUTER);
        assertThat(config.router().port()).isEqualTo(15070);
        assertThat(config.gateway().port()).isEqualTo(15080);
        assertThat(EnvironmentVariable.values()).hasSize(env.size());
    }

    @Test
    void aNodeRunsThePbxAndRouterByDefaultAndNamesOnlyKnownOnes() throws IOException {
        CrosspointConfig config = loader(Map.of()).load(Optional.empty());
        // the gateway is off unless named: it has nothing to do without gateway.dids
        assertThat(config.node().roles()).containsExactlyInAnyOrder(NodeRole.PBX, NodeRole.ROUTER);
        assertThat(config.gateway()).isEqualTo(new GatewayConfig(5080, List.of(), 1, 2, 2000, 1, List.of(),
                new TlsConfig(5081, Optional.empty(), "", "PKCS12")));
        assertThat(config.router().tls().enabled()).isFalse();
        assertThat(config.router().tls().port()).isEqualTo(5071);
        assertThat(config.router().port()).isEqualTo(5070);
        assertThat(config.router().policy().minAsr()).isEqualTo(0.2);

        Path file = nodeFile("node:\n  roles: [pbx, proxy]\n");
        assertThatThrownBy(() -> loader(Map.of()).load(Optional.of(file))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("node.roles").hasMessageContaining("\"proxy\"");
        Path gateway = nodeFile("node:\n  roles: [gateway]\ngateway:\n  spans: 2\n"
                + "  dids: [\"+1646555=127.0.0.1:5061|127.0.0.1:5062;transport=tcp\"]\n");
        CrosspointConfig gatewayOnly = loader(Map.of()).load(Optional.of(gateway));
        assertThat(gatewayOnly.node().roles()).containsExactly(NodeRole.GATEWAY);
        assertThat(gatewayOnly.gateway().spans()).isEqualTo(2);
        assertThat(gatewayOnly.gateway().dids()).singleElement().hasToString(
                "DidRoute[prefix=+1646555, primary=127.0.0.1:5061, backup=127.0.0.1:5062;transport=tcp]");
        Path customers = nodeFile("router:\n  customers: [pbx.example.com]\n");
        assertThatThrownBy(() -> loader(Map.of()).load(Optional.of(customers))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("router.customers");
        Path digest = nodeFile("router:\n  digestCustomers: [\"pbx-east:s3cret\", \"no-password\"]\n");
        assertThatThrownBy(() -> loader(Map.of()).load(Optional.of(digest))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("router.digestCustomers").hasMessageNotContaining("s3cret");
        assertThat(loader(Map.of()).load(Optional.of(nodeFile("router:\n  digestCustomers: [\"pbx-east:s3:cret\"]\n")))
                .router().digestCustomers()).containsExactly("pbx-east:s3:cret");
    }

    @Test
    void emptyEnvironmentVariableCountsAsUnset() throws IOException {
        Path file = nodeFile("sip:\n  port: 5070\n");

        CrosspointConfig config = loader(Map.of("CROSSPOINT_SIP_PORT", "")).load(Optional.of(file));

        assertThat(config.sip().port()).isEqualTo(5070);
    }

    @Test
    void unrelatedEnvironmentVariablesAreIgnored() {
        CrosspointConfig config = loader(Map.of("CROSSPOINT_SOMETHING", "x", "PATH", "/bin"))
                .load(Optional.empty());

        assertThat(config.sip().port()).isEqualTo(5060);
    }

    @Test
    void natDefaultsAndOverrides() throws IOException {
        CrosspointConfig defaults = loader(Map.of()).load(Optional.empty());
        assertThat(defaults.nat()).isEqualTo(new NatConfig(20, 60, 25));

        CrosspointConfig off = loader(Map.of()).load(Optional.of(nodeFile(
                "nat:\n  keepaliveSeconds: 0\n  udpExpires: 0\n  flowTimerSeconds: 0\n")));
        assertThat(off.nat()).isEqualTo(new NatConfig(0, 0, 0));
    }

    @Test
    void aFlowTimerOutsideItsRangeIsRefusedWithItsKey() {
        assertThatThrownBy(() -> loader(Map.of()).load(Optional.empty(), Map.of("nat.flowTimerSeconds", "3")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("nat.flowTimerSeconds: must be 0 (no Flow-Timer) or 5..3600 (got 3)");
    }

    @Test
    void trunkDefaultsAndOverrides() throws IOException {
        TrunkConfig defaults = loader(Map.of()).load(Optional.empty()).trunk();
        assertThat(defaults.outside().plan()).isEqualTo(com.crosspoint.trunk.NumberPlan.northAmerica());
        assertThat(defaults.outside().emergencyNumbers()).containsExactlyInAnyOrder("911", "112");
        assertThat(defaults.outside().allowInternational()).isFalse();
        assertThat(defaults.routers()).isEmpty();
        assertThat(defaults.probeSeconds()).isEqualTo(10);

        TrunkConfig london = loader(Map.of()).load(Optional.of(nodeFile("""
                trunk:
                  countryCode: "44"
                  internationalPrefix: "00"
                  nationalPrefix: "0"
                  nationalLength: 0
                  emergencyNumbers: ["999", "112"]
                  routers: ["192.0.2.1:5060", "192.0.2.2:5060;transport=tcp"]
                  gateways: ["+4420=192.0.2.9:5060"]
                """))).trunk();
        assertThat(london.outside().classify("02071234567"))
                .isEqualTo(new com.crosspoint.trunk.ExternalNumber.Public("+442071234567"));
        assertThat(london.routers()).extracting(Object::toString)
                .containsExactly("192.0.2.1:5060", "192.0.2.2:5060;transport=tcp");
        assertThat(london.gateways()).singleElement().extracting(g -> g.prefix()).isEqualTo("+4420");
    }

    @Test
    void commandLineOverridesComeLast() {
        CrosspointConfig config = loader(Map.of("CROSSPOINT_SIP_PORT", "5080"))
                .load(Optional.empty(), Map.of("demo.enabled", "true", "sip.port", "5090"));

        assertThat(config.demo().enabled()).isTrue();
        assertThat(config.sip().port()).isEqualTo(5090);
    }

    @Test
    void unknownCommandLineKeyIsNamed() {
        assertThatThrownBy(() -> loader(Map.of()).load(Optional.empty(), Map.of("demo.enable", "true")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("demo.enable: unknown key");
    }

    @Test
    void unknownKeyInNodeFileIsNamedWithTheFile() throws IOException {
        Path file = nodeFile("sip:\n  registrar:\n    minExpire: 30\n");

        assertThatThrownBy(() -> loader(Map.of()).load(Optional.of(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("sip.registrar.minExpire: unknown key (in " + file + ")");
    }

    @Test
    void unknownTopLevelKeyIsNamed() throws IOException {
        Path file = nodeFile("sipp:\n  port: 5070\n");

        assertThatThrownBy(() -> loader(Map.of()).load(Optional.of(file)))
                .hasMessageStartingWith("sipp: unknown key");
    }

    @Test
    void nodeFileMustKeepTheShapeOfTheDefaults() throws IOException {
        assertThatThrownBy(() -> loader(Map.of()).load(Optional.of(nodeFile("sip: 5070\n"))))
                .hasMessageStartingWith("sip: must be a mapping, not a single value");
        assertThatThrownBy(() -> loader(Map.of()).load(Optional.of(nodeFile("sip:\n  port:\n    udp: 1\n"))))
                .hasMessageStartingWith("sip.port: must be a single value, not a mapping");
        assertThatThrownBy(() -> loader(Map.of()).load(Optional.of(nodeFile("demo:\n  extensions: 1001\n"))))
                .hasMessageStartingWith("demo.extensions: must be a list, not a single value");
    }

    @Test
    void emptySectionAndEmptyFileChangeNothing() throws IOException {
        assertThat(loader(Map.of()).load(Optional.of(nodeFile("sip:\n"))).sip().port()).isEqualTo(5060);
        assertThat(loader(Map.of()).load(Optional.of(nodeFile(""))).sip().port()).isEqualTo(5060);
    }

    @Test
    void duplicateKeyInNodeFileIsRejected() throws IOException {
        Path file = nodeFile("sip:\n  port: 5070\n  port: 5080\n");

        assertThatThrownBy(() -> loader(Map.of()).load(Optional.of(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("port");
    }

    @Test
    void malformedYamlNamesTheFileAndLine() throws IOException {
        Path file = nodeFile("sip:\n  port: [5070\n");

        assertThatThrownBy(() -> loader(Map.of()).load(Optional.of(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": invalid YAML")
                .hasMessageContaining("line ");
    }

    @Test
    void nodeFileMustBeAMapping() throws IOException {
        Path file = nodeFile("- sip\n- http\n");

        assertThatThrownBy(() -> loader(Map.of()).load(Optional.of(file)))
                .hasMessage(file + ": must be a mapping of keys, not a list");
    }

    @Test
    void missingNodeFileIsNamed() {
        Path file = dir.resolve("absent.yaml");

        assertThatThrownBy(() -> loader(Map.of()).load(Optional.of(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file not found: " + file);
    }

    @Test
    void numbersAndBooleansMayBeQuotedText() throws IOException {
        Path file = nodeFile("sip:\n  port: \"5070\"\ndemo:\n  enabled: \"TRUE\"\n");

        CrosspointConfig config = loader(Map.of()).load(Optional.of(file));

        assertThat(config.sip().port()).isEqualTo(5070);
        assertThat(config.demo().enabled()).isTrue();
    }

    @Test
    void numericPasswordIsTakenAsText() throws IOException {
        CrosspointConfig config = loader(Map.of()).load(Optional.of(nodeFile("admin:\n  password: 123456\n")));

        assertThat(config.admin().password()).contains("123456");
    }

    @Test
    void advertisedAddressIsTheBindAddressUnlessWildcard() {
        CrosspointConfig config = loader(Map.of("CROSSPOINT_BIND", "10.1.2.3")).load(Optional.empty());

        assertThat(config.network().advertisedAddress()).isEqualTo("10.1.2.3");
    }

    @Test
    void advertisedAddressFallsBackToLoopbackWithoutAHostAddress() {
        CrosspointConfig config = new ConfigLoader(Map.of(), Optional::empty).load(Optional.empty());

        assertThat(config.network().advertisedAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void advertisedAddressIsDetectedOnThisHost() {
        CrosspointConfig config = new ConfigLoader(Map.of()).load(Optional.empty());

        assertThat(AddressSyntax.isIpLiteral(config.network().advertisedAddress())).isTrue();
        assertThat(AddressSyntax.isWildcard(config.network().advertisedAddress())).isFalse();
    }

    @Test
    void configuredAdvertisedAddressIsKept() throws IOException {
        Path file = nodeFile("network:\n  advertisedAddress: 203.0.113.5\n");

        assertThat(loader(Map.of()).load(Optional.of(file)).network().advertisedAddress()).isEqualTo("203.0.113.5");
    }

    @Test
    void httpBindDefaultsToNetworkBindButCanDiffer() throws IOException {
        Path file = nodeFile("network:\n  bind: 10.0.0.5\nhttp:\n  bind: 127.0.0.1\n");

        CrosspointConfig config = loader(Map.of()).load(Optional.of(file));

        assertThat(config.network().bind()).isEqualTo("10.0.0.5");
        assertThat(config.http().bind()).isEqualTo("127.0.0.1");
    }

    @Test
    void ephemeralPortsAreAllowed() {
        CrosspointConfig config = loader(Map.of("CROSSPOINT_SIP_PORT", "0", "CROSSPOINT_HTTP_PORT", "0"))
                .load(Optional.empty());

        assertThat(config.sip().port()).isZero();
        assertThat(config.http().port()).isZero();
    }

    @Test
    void defaultsKeyWithoutBindingIsReported() {
        // Guards the defaults file and ConfigBinder against drifting apart.
        ObjectNode defaults = YamlDocuments.readResource(ConfigLoader.DEFAULTS_RESOURCE);
        ((ObjectNode) defaults.get("sip")).put("newKnob", 1);
        ConfigBinder binder = new ConfigBinder(new ConfigValues(new ConfigTree(defaults)), () -> HOST_ADDRESS);

        assertThatThrownBy(binder::bind)
                .isInstanceOf(ConfigException.class)
                .hasMessage("sip.newKnob: unknown key");
    }

    @Test
    void passwordsStayOutOfToString() {
        CrosspointConfig config = loader(Map.of(
                "CROSSPOINT_ADMIN_PASSWORD", "admin-secret",
                "CROSSPOINT_DEMO_PASSWORD", "demo-secret")).load(Optional.empty());

        assertThat(config.toString()).doesNotContain("admin-secret", "demo-secret").contains("******");
        assertThat(new TlsConfig(5061, Optional.empty(), "tls-secret", "PKCS12").toString())
                .doesNotContain("tls-secret");
    }

    @Test
    void turnDefaultsAndAListFromOneOverride() {
        CrosspointConfig defaults = loader(Map.of()).load(Optional.empty());
        assertThat(defaults.turn().enabled()).isTrue();
        assertThat(defaults.turn().port()).isEqualTo(3478);
        assertThat(defaults.turn().tls().enabled()).isFalse();
        assertThat(defaults.turn().lifetimes()).isEqualTo(new TurnConfig.Lifetimes(600, 3600, 300, 600, 600));
        assertThat(defaults.turn().quotas()).isEqualTo(new TurnConfig.Quotas(10, 200, 2000));
        assertThat(defaults.turn().allowedPeers()).isEmpty();
        assertThat(defaults.nat()).isEqualTo(new NatConfig(20, 60, 25, Optional.empty(), Optional.empty()));

        CrosspointConfig overridden = loader(Map.of()).load(Optional.empty(),
                Map.of("turn.allowedPeers", "127.0.0.1/32, 10.1.0.0/16", "turn.restSecret", "turn-secret"));
        assertThat(overridden.turn().allowedPeers()).containsExactly("127.0.0.1/32", "10.1.0.0/16");
        assertThat(overridden.turn().toString()).doesNotContain("turn-secret");
    }
}
