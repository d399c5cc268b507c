package com.crosspoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.ApiServer;
import com.crosspoint.api.ApiSettings;
import com.crosspoint.api.ApplianceFixture;
import com.crosspoint.auth.StoredCredential;
import com.crosspoint.boot.Main;
import com.crosspoint.call.CallSnapshot;
import com.crosspoint.call.CallState;
import com.crosspoint.registrar.RegisterOutcome;
import com.crosspoint.registrar.RegisterRequest;
import com.crosspoint.registrar.RegisterRequest.ContactSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The admin command line, run in-process the way bin/crosspoint runs it, against a real appliance. */
class AdminCliTest {
    static final String DOMAIN = "cli.example.com";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static ApplianceFixture app;
    static long tenant;

    @BeforeAll
    static void start() {
        app = ApplianceFixture.start(dir);
        tenant = app.createTenant(app.loginAdmin(), "CLI", DOMAIN);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    record Run(int code, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + out, e);
            }
        }
    }

    static Run cli(String... args) {
        return cliAt(app.baseUrl(), args);
    }

    static Run cliAt(String url, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url, "--password", ApplianceFixture.ADMIN_PASSWORD));
        all.addAll(List.of(args));
        return raw(all.toArray(String[]::new));
    }

    static Run raw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tenant", "tenant list", "tenant add", "user", "user add", "user list", "user remove",
        "device", "device add", "device list", "device remove", "registrations", "calls", "hangup",
        "user web-password", "device password"})
    void everyCommandHasHelp(String command) {
        List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");

        Run r = raw(args.toArray(String[]::new));

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: crosspoint").contains("--help");
    }

    @Test
    void topLevelHelpListsTheGlobalOptionsAndCommands() {
        Run r = raw("--help");

        assertThat(r.out()).contains("--url", "--user", "--password", "--tenant", "CROSSPOINT_URL",
                "user", "device", "registrations", "calls", "hangup", "tenant", "run");
    }

    @Test
    void tenantsAreListedAndAdded() {
        Run add = cli("tenant", "add", "branch.example.com", "--name", "Branch");
        Run list = cli("tenant", "list");
        Run json = cli("tenant", "list", "--json");

        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("tenant branch.example.com added");
        assertThat(list.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h).matches("ID\\s+DOMAIN\\s+NAME"));
        assertThat(list.out()).contains(DOMAIN).contains("branch.example.com");
        assertThat(json.json().findValuesAsText("domain")).contains(DOMAIN, "branch.example.com");
    }

    @Test
    void userAddWithAGivenSipPasswordCreatesUserAndDevice() {
        Run r = cli("--tenant", DOMAIN, "user", "add", "6001", "--name", "Ann Admin", "--email", "ann@cli.example.com",
                "--password", "given-sip-pw");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("user 6001 added").contains("SIP username 6001").doesNotContain("given-sip-pw");
        var device = app.appliance().directory().deviceBySipUsername(tenant, "6001").orElseThrow();
        assertThat(device.ha1Md5()).isEqualTo(StoredCredential.fromPassword("6001", DOMAIN, "given-sip-pw").ha1Md5());
        Run list = cli("--tenant", DOMAIN, "user", "list");
        assertThat(list.out()).containsPattern("6001\\s+Ann Admin\\s+ann@cli.example.com\\s+off");
    }

    @Test
    void userAddPrintsAGeneratedPasswordOnce() {
        Run r = cli("--tenant", Long.toString(tenant), "user", "add", "6002");
        Run json = cli("--tenant", DOMAIN, "user", "add", "6003", "--json");

        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("SIP password: [A-Za-z0-9]{16}");
        assertThat(json.json().get("user").get("extension").asText()).isEqualTo("6003");
        assertThat(json.json().get("device").get("password").asText()).hasSize(16);
    }

    @Test
    void aRefusedDeviceLeavesNoUserBehind() {
        Run r = cli("--tenant", DOMAIN, "user", "add", "6004", "--password", "short");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("password");
        assertThat(app.appliance().directory().userByExtension(tenant, "6004")).isEmpty();
    }

    @Test
    void userRemove() {
        cli("--tenant", DOMAIN, "user", "add", "6010");

        Run r = cli("--tenant", DOMAIN, "user", "remove", "6010");
        Run again = cli("--tenant", DOMAIN, "user", "remove", "6010");

        assertThat(r.code()).isZero();
        assertThat(app.appliance().directory().userByExtension(tenant, "6010")).isEmpty();
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("no user with extension 6010");
    }

    @Test
    void duplicateExtensionIsAnApiErrorOnStderr() {
        cli("--tenant", DOMAIN, "user", "add", "6020");

        Run r = cli("--tenant", DOMAIN, "user", "add", "6020");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("crosspoint: ").contains("(extension)");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void devicesAreAddedListedAndRemoved() {
        cli("--tenant", DOMAIN, "user", "add", "6030", "--password", "first-device");

        Run add = cli("--tenant", DOMAIN, "device", "add", "6030", "--username", "6030-desk", "--password", "desk-phone-pw");
        Run generated = cli("--tenant", DOMAIN, "device", "add", "6030");
        Run ofUser = cli("--tenant", DOMAIN, "device", "list", "6030");
        Run all = cli("--tenant", DOMAIN, "device", "list", "--json");

        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("device 6030-desk added to 6030").doesNotContain("SIP password");
        assertThat(generated.out()).contains("device 6030-2 added").containsPattern("SIP password: \\S{16}");
        assertThat(ofUser.out()).contains("6030-desk", "6030-2");
        assertThat(all.json().findValuesAsText("sipUsername")).contains("6030", "6030-desk", "6030-2");

        Run remove = cli("--tenant", DOMAIN, "device", "remove", "6030-desk");
        Run missing = cli("--tenant", DOMAIN, "device", "remove", "6030-desk");

        assertThat(remove.code()).isZero();
        assertThat(app.appliance().directory().deviceBySipUsername(tenant, "6030-desk")).isEmpty();
        assertThat(missing.code()).isEqualTo(1);
    }

    @Test
    void registrationsAreListed() {
        cli("--tenant", DOMAIN, "user", "add", "6040", "--password", "reg-device-1");
        var user = app.appliance().directory().userByExtension(tenant, "6040").orElseThrow();
        var device = app.appliance().directory().deviceBySipUsername(tenant, "6040").orElseThrow();
        var out = (RegisterOutcome.Accepted) app.appliance().registrar().register(new RegisterRequest(tenant, user.id(),
                device.id(), "sip:6040@" + DOMAIN, List.of(new ContactSpec("sip:6040@127.0.0.1:7070", 300L)), false,
                null, "cli-reg", 1, "UDP", "127.0.0.1:7070", "CliPhone/1"));
        out.committed().join();

        Run r = cli("--tenant", DOMAIN, "registrations");

        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("6040\\s+6040\\s+sip:6040@127.0.0.1:7070\\s+127.0.0.1:7070\\s+UDP");
        assertThat(cli("--tenant", DOMAIN, "registrations", "--json").json().findValuesAsText("userAgent"))
                .contains("CliPhone/1");
    }

    @Test
    void callsAreListedAndHungUp() {
        String callId = "cli/call@host";
        app.appliance().activeCalls().update(new CallSnapshot(callId, tenant, "6001", "Ann", "6002", "6002",
                CallState.ANSWERED, Instant.now(), Instant.now(), "PCMU"));
        List<String> hungUp = new CopyOnWriteArrayList<>();
        try (ApiServer stub = ApiServer.start(app.services(hungUp::add), ApiSettings.defaults(), "127.0.0.1", 0)) {
            Run calls = cli("--tenant", DOMAIN, "calls");
            Run hangup = cliAt("http://127.0.0.1:" + stub.port(), "--tenant", DOMAIN, "hangup", callId);
            Run unknown = cli("--tenant", DOMAIN, "hangup", "nosuch@host");

            assertThat(calls.out()).containsPattern("cli/call@host\\s+6001\\s+6002\\s+6002\\s+ANSWERED");
            assertThat(hangup.code()).as(hangup.err()).isZero();
            assertThat(hangup.out()).contains("hanging up " + callId);
            assertThat(hungUp).containsExactly(callId);
            assertThat(unknown.code()).isEqualTo(1);
            assertThat(unknown.err()).contains("no call nosuch@host");
        } finally {
            app.appliance().activeCalls().update(new CallSnapshot(callId, tenant, "6001", "Ann", "6002", "6002",
                    CallState.ENDED, Instant.now(), Instant.now(), "PCMU"));
        }
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(raw("--url", app.baseUrl(), "--password", "x", "user").code()).isEqualTo(2);
        assertThat(raw("--url", app.baseUrl(), "--password", "x", "user", "frobnicate").code()).isEqualTo(2);
        assertThat(raw("--url", app.baseUrl(), "--password", "x", "user", "add").code()).as("no extension").isEqualTo(2);
        assertThat(raw("--url", "not a url", "--password", "x", "calls").code()).isEqualTo(2);
        Run noPassword = raw("--url", app.baseUrl(), "calls");
        assertThat(noPassword.code()).isEqualTo(2);
        assertThat(noPassword.err()).contains("CROSSPOINT_ADMIN_PASSWORD");
    }

    @Test
    void apiAndConnectionFailuresExitWith1() {
        Run wrongPassword = raw("--url", app.baseUrl(), "--password", "wrong-password", "calls");
        Run unknownTenant = cli("--tenant", "nowhere.example.com", "calls");
        Run unreachable = raw("--url", "http://127.0.0.1:1", "--password", "x", "calls");

        assertThat(wrongPassword.code()).isEqualTo(1);
        assertThat(wrongPassword.err()).contains("wrong username or password");
        assertThat(unknownTenant.code()).isEqualTo(1);
        assertThat(unknownTenant.err()).contains("no tenant nowhere.example.com");
        assertThat(unreachable.code()).isEqualTo(1);
        assertThat(unreachable.err()).contains("cannot reach the appliance at http://127.0.0.1:1");
    }

    /** Issue 10: a user made by the CLI had no web password and could never sign in to the dashboard. */
    @Test
    void aUserAddedByTheCliGetsAWebPasswordFromTheCliAndSignsIn() {
        Run add = cli("--tenant", DOMAIN, "user", "add", "6040", "--name", "Carol");
        assertThat(add.out()).contains("phone setup: server 127.0.0.1:" + app.appliance().sipPort())
                .contains("domain " + DOMAIN).contains("user name 6040").contains("crosspoint user web-password 6040");
        assertThat(webLogin("6040", "carol-web-pw-1")).isEqualTo(401);

        Run given = cli("--tenant", DOMAIN, "user", "web-password", "6040", "--web-password", "carol-web-pw-1");
        assertThat(given.code()).as(given.err()).isZero();
        assertThat(given.out()).contains("web password of 6040 set").doesNotContain("carol-web-pw-1");
        assertThat(webLogin("6040", "carol-web-pw-1")).isEqualTo(200);

        Run generated = cli("--tenant", DOMAIN, "user", "web-password", "6040");
        String password = generated.out().lines().filter(l -> l.startsWith("web password: ")).findFirst().orElseThrow()
                .substring("web password: ".length()).split(" ")[0];
        assertThat(webLogin("6040", password)).isEqualTo(200);
        assertThat(webLogin("6040", "carol-web-pw-1")).isEqualTo(401);
        assertThat(cli("--tenant", DOMAIN, "user", "list").out()).containsPattern("6040\\s+Carol");
    }

    @Test
    void aDeviceGetsANewSipPasswordFromTheCli() {
        cli("--tenant", DOMAIN, "user", "add", "6050", "--password", "first-sip-pw");
        Run given = cli("--tenant", DOMAIN, "device", "password", "6050", "--password", "second-sip-pw");
        assertThat(given.code()).as(given.err()).isZero();
        assertThat(given.out()).contains("new SIP password for 6050").doesNotContain("second-sip-pw");
        var device = app.appliance().directory().deviceBySipUsername(tenant, "6050").orElseThrow();
        assertThat(device.ha1Md5()).isEqualTo(StoredCredential.fromPassword("6050", DOMAIN, "second-sip-pw").ha1Md5());

        Run generated = cli("--tenant", DOMAIN, "device", "password", "6050");
        assertThat(generated.out()).containsPattern("SIP password: [A-Za-z0-9]{16}");
        assertThat(cli("--tenant", DOMAIN, "device", "password", "9999").err())
                .contains("no device with SIP username 9999");
    }

    private static int webLogin(String extension, String password) {
        return app.send("POST", "/api/v1/web/login", null, "{\"kind\":\"user\",\"domain\":\"" + DOMAIN
                + "\",\"extension\":\"" + extension + "\",\"password\":\"" + password + "\"}").status();
    }
}
