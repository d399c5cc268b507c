package com.crosspoint.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every rejected value yields a message that starts with the key (or variable) it came from. */
class ConfigValidationTest {

    @TempDir
    Path dir;

    private CrosspointConfig load(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("node.yaml"), yaml);
        return new ConfigLoader(Map.of(), Optional::empty).load(Optional.of(file));
    }

    private static CrosspointConfig loadEnv(String variable, String value) {
        return new ConfigLoader(Map.of(variable, value), Optional::empty).load(Optional.empty());
    }

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                arguments("node:\n  name: \"my node\"\n",
                        "node.name: must be 1-64 letters, digits, '.', '_' or '-', not \"my node\""),
                arguments("node:\n  name: \"\"\n", "node.name: must be"),
                arguments("data:\n  dir: \"\"\n", "data.dir: must not be empty"),
                arguments("network:\n  bind: localhost\n",
                        "network.bind: must be an IP address such as 0.0.0.0 or 192.168.1.10, not \"localhost\""),
                arguments("network:\n  bind: 256.1.1.1\n", "network.bind: must be an IP address"),
                arguments("network:\n  bind: \"1:2:3\"\n", "network.bind: must be an IP address"),
                arguments("network:\n  advertisedAddress: 0.0.0.0\n",
                        "network.advertisedAddress: must be a non-wildcard IP address or a host name, not \"0.0.0.0\""),
                arguments("network:\n  advertisedAddress: bad_host!\n", "network.advertisedAddress: must be"),
                arguments("network:\n  advertisedAddress: 300.1.1.1\n", "network.advertisedAddress: must be"),
                arguments("sip:\n  port: 65536\n",
                        "sip.port: must be a port 1-65535, or 0 for any free port (got 65536)"),
                arguments("sip:\n  port: -1\n", "sip.port: must be a port 1-65535, or 0 for any free port (got -1)"),
                arguments("sip:\n  port: abc\n", "sip.port: not a number: \"abc\""),
                arguments("sip:\n  port: 5060.5\n", "sip.port: not a whole number: 5060.5"),
                arguments("sip:\n  port: 99999999999\n", "sip.port: out of range: 99999999999"),
                arguments("sip:\n  port: true\n", "sip.port: not a number: \"true\""),
                arguments("sip:\n  port:\n", "sip.port: has no value"),
                arguments("demo:\n  enabled:\n", "demo.enabled: has no value"),
                arguments("sip:\n  tls:\n    port: 70000\n", "sip.tls.port: must be a port"),
                arguments("sip:\n  tls:\n    keystoreType: PEM\n", "sip.tls.keystoreType: must be PKCS12 or JKS, not \"PEM\""),
                arguments("trunk:\n  routers: [router]\n",
                        "trunk.routers: not host:port[;transport=udp|tcp|tls]: \"router\""),
                arguments("trunk:\n  gateways: [\"1212=gw:5060\"]\n",
                        "trunk.gateways: a gateway prefix is + and digits: 1212"),
                arguments("trunk:\n  barredPrefixes: [\"1900\"]\n",
                        "trunk.barredPrefixes: a prefix is + and the digits of an E.164 number, not \"1900\""),
                arguments("trunk:\n  emergencyNumbers: [\"9-1-1\"]\n",
                        "trunk.emergencyNumbers: an emergency number is 2 to 6 digits"),
                arguments("trunk:\n  countryCode: \"0\"\n", "trunk.countryCode: the number plan cannot work"),
                arguments("trunk:\n  areaCode: \"212\"\n", "trunk.countryCode: the number plan cannot work"),
                arguments("trunk:\n  responseTimeoutSeconds: 0\n", "trunk.responseTimeoutSeconds: must be 1..60"),
                arguments("chat:\n  sites: [\"shop.example=https://www.shop.example/cart\"]\n",
                        "chat.sites: an origin is http(s)://host[:port] with nothing after it"),
                arguments("chat:\n  sites: [\"shop.example=ftp://files.shop.example\"]\n", "chat.sites: an origin is"),
                arguments("chat:\n  sites: [\"shop.example\", \"SHOP.example\"]\n", "chat.sites: shop.example is listed twice"),
                arguments("chat:\n  maxMessageChars: 5000\n", "chat.maxMessageChars: must be 1..4000 (got 5000)"),
                arguments("gateway:\n  spans: 9\n", "gateway.spans: must be 1..8 (got 9)"),
                arguments("gateway:\n  spans: 0\n", "gateway.spans: must be 1..8 (got 0)"),
                arguments("node:\n  roles: [gateway]\ngateway:\n  port: 5060\n", "gateway.port: must differ from sip.port and router.port"),
                arguments("gateway:\n  failuresToDown: 0\n", "gateway.failuresToDown: must be 1..100"),
                arguments("gateway:\n  silenceMillis: -1\n", "gateway.silenceMillis: must be 0..60000"),
                arguments("gateway:\n  dids: [\"+1646=pbx1:5060\"]\n",
                        "gateway.dids: not +prefix=primary|backup: \"+1646=pbx1:5060\""),
                arguments("gateway:\n  dids: [\"1646=pbx1:5060|pbx2:5060\"]\n", "gateway.dids: a DID prefix is + and digits"),
                arguments("gateway:\n  dids: [\"+1646=pbx1:5060|pbx1:5060\"]\n", "gateway.dids: the backup of +1646 is its primary"),
                arguments("gateway:\n  dids: [\"+1646=pbx1:5061;transport=tls|pbx2:5060\"]\n",
                        "gateway.dids: PBX nodes are reached over udp or tcp, not tls"),
                arguments("gateway:\n  dids: [\"+1646=pbx1:5060|pbx2:5060\", \"+1646=pbx3:5060|pbx2:5060\"]\n",
                        "gateway.dids: two routes for +1646"),
                arguments("turn:\n  allowedPeers: [example.org/8]\n",
                        "turn.allowedPeers: \"example.org/8\" is not an address range"),
                arguments("turn:\n  allowedPeers: [10.0.0.0/33]\n", "turn.allowedPeers: \"10.0.0.0/33\""),
                arguments("turn:\n  software: Crosspoint 1.2\n", "turn.software: must be a name without digits"),
                arguments("turn:\n  relayPortMin: 50000\n  relayPortMax: 50000\n",
                        "turn.relayPortMax: must be above turn.relayPortMin"),
                arguments("turn:\n  port: 5060\n", "turn.port: must differ from sip.port"),
                arguments("turn:\n  maxAllocationLifetimeSeconds: 300\n",
                        "turn.maxAllocationLifetimeSeconds: must be >= turn.allocationLifetimeSeconds"),
                arguments("turn:\n  realm: \"not a realm\"\n", "turn.realm: must be a domain name"),
                arguments("turn:\n  tls:\n    keystore: /nonexistent/turn.p12\n", "turn.tls.keystore: file not found"),
                arguments("router:\n  tls:\n    keystore: /nonexistent/router.p12\n", "router.tls.keystore: file not found"),
                arguments("gateway:\n  tls:\n    port: 70000\n", "gateway.tls.port: must be a port"),
                arguments("router:\n  tls:\n    keystoreType: PEM\n", "router.tls.keystoreType: must be PKCS12 or JKS"),
                arguments("router:\n  tls:\n    trustStore: /nonexistent/carriers.p12\n",
                        "router.tls.trustStore: file not found or not readable"),
                arguments("router:\n  tls:\n    trustStoreType: PEM\n", "router.tls.trustStoreType: must be PKCS12 or JKS"),
                arguments("router:\n  tls:\n    handshakeSeconds: 0\n", "router.tls.handshakeSeconds: must be 1..300"),
                arguments("router:\n  overloadControl: sometimes\n", "router.overloadControl"),
                arguments("router:\n  tls:\n    verifyHostname: sometimes\n", "router.tls.verifyHostname"),
                arguments("nat:\n  externalAddress: 0.0.0.0\n", "nat.externalAddress: must be an IP address"),
                arguments("nat:\n  secondaryAddress: host.example\n", "nat.secondaryAddress: must be an IP address"),
                arguments("sip:\n  stackThreads: 0\n", "sip.stackThreads: must be > 0 (got 0)"),
                arguments("sip:\n  udpBufferBytes: -5\n", "sip.udpBufferBytes: must be > 0 (got -5)"),
                arguments("sip:\n  registrar:\n    minExpires: 0\n", "sip.registrar.minExpires: must be > 0 (got 0)"),
                arguments("sip:\n  registrar:\n    maxExpires: 0\n", "sip.registrar.maxExpires: must be > 0 (got 0)"),
                arguments("sip:\n  registrar:\n    defaultExpires: 0\n", "sip.registrar.defaultExpires: must be > 0 (got 0)"),
                arguments("sip:\n  registrar:\n    minExpires: 7200\n",
                        "sip.registrar.minExpires: must be <= sip.registrar.maxExpires (got 7200 > 3600)"),
                arguments("sip:\n  registrar:\n    defaultExpires: 30\n",
                        "sip.registrar.defaultExpires: must be >= sip.registrar.minExpires (got 30 < 60)"),
                arguments("sip:\n  registrar:\n    maxExpires: 1800\n",
                        "sip.registrar.defaultExpires: must be <= sip.registrar.maxExpires (got 3600 > 1800)"),
                arguments("sip:\n  auth:\n    nonceTtlSeconds: 0\n", "sip.auth.nonceTtlSeconds: must be > 0 (got 0)"),
                arguments("nat:\n  keepaliveSeconds: -1\n", "nat.keepaliveSeconds: must be 0..3600 (got -1)"),
                arguments("nat:\n  udpExpires: 30\n",
                        "nat.udpExpires: must be 0 or within sip.registrar.minExpires..sip.registrar.maxExpires"
                                + " (60..3600; got 30)"),
                arguments("nat:\n  udpExpires: 7200\n",
                        "nat.udpExpires: must be 0 or within sip.registrar.minExpires..sip.registrar.maxExpires"
                                + " (60..3600; got 7200)"),
                arguments("sip:\n  auth:\n    account:\n      backOffSeconds: 600\n      maxBackOffSeconds: 60\n",
                        "sip.auth.account.maxBackOffSeconds: must be >= sip.auth.account.backOffSeconds (got 60 < 600)"),
                arguments("sip:\n  auth:\n    account:\n      failureLimit: 0\n",
                        "sip.auth.account.failureLimit: must be 1..100000 (got 0)"),
                arguments("sip:\n  limits:\n    contactsPerAor: 0\n", "sip.limits.contactsPerAor: must be 1..1000 (got 0)"),
                arguments("sip:\n  limits:\n    tcpIdleSeconds: 0\n", "sip.limits.tcpIdleSeconds: must be 1..86400 (got 0)"),
                arguments("sip:\n  auth:\n    failureLimit: 0\n", "sip.auth.failureLimit: must be > 0 (got 0)"),
                arguments("sip:\n  auth:\n    failureWindowSeconds: -1\n", "sip.auth.failureWindowSeconds: must be > 0 (got -1)"),
                arguments("sip:\n  auth:\n    blockSeconds: 0\n", "sip.auth.blockSeconds: must be > 0 (got 0)"),
                arguments("sip:\n  calls:\n    lanes: 0\n", "sip.calls.lanes: must be > 0 (got 0)"),
                arguments("sip:\n  calls:\n    defaultNoAnswerSeconds: 0\n", "sip.calls.defaultNoAnswerSeconds: must be > 0 (got 0)"),
                arguments("sip:\n  calls:\n    maxCalls: 0\n", "sip.calls.maxCalls: must be > 0 (got 0)"),
                arguments("media:\n  portMin: 80\n", "media.portMin: must be 1024..65534 (got 80)"),
                arguments("media:\n  portMax: 70000\n", "media.portMax: must be 1025..65535 (got 70000)"),
                arguments("media:\n  portMin: 30000\n  portMax: 30000\n",
                        "media.portMax: must leave room for at least one RTP/RTCP pair above media.portMin (got 30000..30000)"),
                arguments("media:\n  portMin: 20001\n  portMax: 20002\n", "media.portMax: must leave room"),
                arguments("media:\n  receiveThreads: 0\n", "media.receiveThreads: must be 1..64 (got 0)"),
                arguments("media:\n  jitterDepthFrames: 50\n", "media.jitterDepthFrames: must be 0..49 (got 50)"),
                arguments("media:\n  maxRecordingSeconds: 0\n", "media.maxRecordingSeconds: must be 1..86400 (got 0)"),
                arguments("media:\n  silenceTimeoutSeconds: -1\n", "media.silenceTimeoutSeconds: must be 1..3600 (got -1)"),
                arguments("media:\n  silenceThresholdDbfs: 3\n", "media.silenceThresholdDbfs: must be -96..-1 (got 3)"),
                arguments("media:\n  rtcpIntervalMillis: 50\n", "media.rtcpIntervalMillis: must be 100..600000 (got 50)"),
                arguments("media:\n  relatchPackets: 0\n", "media.relatchPackets: must be 1..1000 (got 0)"),
                arguments("media:\n  socketBufferBytes: 10\n", "media.socketBufferBytes: must be 1024..67108864 (got 10)"),
                arguments("media:\n  anchor: sometimes\n", "media.anchor: must be nat, always or never, not \"sometimes\""),
                arguments("media:\n  relayTimeout: 0\n", "media.relayTimeout: must be 1..86400 (got 0)"),
                arguments("media:\n  relayThreads: 65\n", "media.relayThreads: must be 1..64 (got 65)"),
                arguments("media:\n  portMin: abc\n", "media.portMin: not a number: \"abc\""),
                arguments("http:\n  port: 100000\n", "http.port: must be a port"),
                arguments("http:\n  bind: example.com\n", "http.bind: must be an IP address"),
                arguments("http:\n  port: 5060\n", "http.port: must differ from sip.port (both 5060)"),
                arguments("admin:\n  username: \"\"\n", "admin.username: must be"),
                arguments("admin:\n  username: \"a b\"\n", "admin.username: must be"),
                arguments("demo:\n  enabled: yes please\n", "demo.enabled: must be true or false, not \"yes please\""),
                arguments("demo:\n  domain: \"demo domain\"\n", "demo.domain: must be a domain name, not \"demo domain\""),
                arguments("demo:\n  extensions: []\n", "demo.extensions: must list at least one extension"),
                arguments("demo:\n  extensions: [1001, 1x]\n", "demo.extensions[1]: must be 2 to 10 digits, not \"1x\""),
                arguments("demo:\n  extensions: [1001, [1002]]\n", "demo.extensions[1]: must be a single value"),
                arguments("demo:\n  extensions: [1001, 1002, 1001]\n", "demo.extensions: lists 1001 twice"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidFiles")
    void invalidValueIsRejectedNamingItsKey(String yaml, String expectedMessageStart) {
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(expectedMessageStart);
    }

    static Stream<Arguments> invalidEnvironment() {
        return Stream.of(
                arguments("CROSSPOINT_SIP_PORT", "abc", "CROSSPOINT_SIP_PORT (sip.port): not a number: \"abc\""),
                arguments("CROSSPOINT_SIP_PORT", "70000",
                        "CROSSPOINT_SIP_PORT (sip.port): must be a port 1-65535, or 0 for any free port (got 70000)"),
                arguments("CROSSPOINT_HTTP_PORT", "80x", "CROSSPOINT_HTTP_PORT (http.port): not a number: \"80x\""),
                arguments("CROSSPOINT_HTTP_PORT", "5060",
                        "CROSSPOINT_HTTP_PORT (http.port): must differ from sip.port (both 5060)"),
                arguments("CROSSPOINT_BIND", "my-host",
                        "CROSSPOINT_BIND (network.bind): must be an IP address such as 0.0.0.0 or 192.168.1.10, not \"my-host\""),
                arguments("CROSSPOINT_ADVERTISED_ADDRESS", "::",
                        "CROSSPOINT_ADVERTISED_ADDRESS (network.advertisedAddress): must be a non-wildcard"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("invalidEnvironment")
    void invalidEnvironmentValueNamesVariableAndKey(String variable, String value, String expectedMessageStart) {
        assertThatThrownBy(() -> loadEnv(variable, value))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(expectedMessageStart);
    }

    @Test
    void dataDirThatIsAFileIsRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> loadEnv("CROSSPOINT_DATA", file.toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("CROSSPOINT_DATA (data.dir): not a directory: " + file.toAbsolutePath());
    }

    @Test
    void httpMayReusePortOfSipOnAnotherAddress() throws IOException {
        load("network:\n  bind: 10.0.0.5\nhttp:\n  bind: 127.0.0.1\n  port: 5060\n");
    }

    @Test
    void ephemeralPortsNeverClash() throws IOException {
        load("sip:\n  port: 0\nhttp:\n  port: 0\n");
    }
}
