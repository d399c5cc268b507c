package com.crosspoint.console.it;

import com.crosspoint.console.app.ConsoleOptions;
import com.crosspoint.console.viewmodel.CallRow;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.TestAppliance;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.crosspoint.console.it.ConsoleDriver.cells;
import static com.crosspoint.console.it.ConsoleDriver.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live-calls tab against a real appliance and two real baresip phones: a call shows up with
 * its parties within a second, its duration ticks, it goes after hang-up; and a hang-up from the
 * console (select, hang up, confirm) ends the call on both phones.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "crosspoint.console.failsafe", matches = "true",
        disabledReason = "integration test: runs under failsafe (mvn verify)")
class LiveCallsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final String OPERATOR_PASSWORD = "operator-pw-42";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestAppliance pbx;
    private static BaresipPhone alice;
    private static BaresipPhone bob;
    private ConsoleDriver console;
    private Path snapshotFile;

    @BeforeAll
    static void startApplianceAndPhones() throws Exception {
        pbx = TestAppliance.start();
        pbx.user("1001", "Alice", "pw-alice-1001");
        pbx.user("1002", "Bob", "pw-bob-1002");
        pbx.user("1003", "Carol", "pw-carol-1003"); // no phone: the appliance answers with voicemail
        createOperator(pbx.appliance().httpPort(), "olga", OPERATOR_PASSWORD);
        alice = BaresipPhone.builder(pbx.uri("1001")).password("pw-alice-1001").start();
        bob = BaresipPhone.builder(pbx.uri("1002")).password("pw-bob-1002").answerMode(BaresipPhone.AnswerMode.MANUAL).start();
        alice.awaitRegistered(WAIT);
        bob.awaitRegistered(WAIT);
    }

    @AfterAll
    static void stopAll() {
        for (AutoCloseable c : new AutoCloseable[] {alice, bob, pbx}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    @Start
    void start(Stage stage) throws IOException {
        snapshotFile = Files.createTempDirectory("console-snapshot").resolve("main.png");
        console = ConsoleDriver.start(stage, new ConsoleOptions("http://127.0.0.1:" + pbx.appliance().httpPort(), "olga",
                snapshotFile, false));
    }

    @Stop
    void stop() {
        console.close();
    }

    @BeforeEach
    void freshPhones() {
        alice.clearEvents();
        bob.clearEvents();
    }

    /** A test that failed mid-call must not leave the call up for the next one. */
    @AfterEach
    void hangUpLeftovers() {
        boolean inCall = alice.events().stream().anyMatch(e -> e.isType("CALL_RINGING") || e.isType("CALL_ESTABLISHED"))
                && alice.events().stream().noneMatch(e -> e.isType("CALL_CLOSED"));
        if (inCall) {
            alice.hangup();
            bob.awaitEvent("CALL_CLOSED", WAIT);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<CallRow> rows(FxRobot robot) {
        return onFx(() -> List.copyOf(robot.lookup("#live-calls-table").queryAs(TableView.class).getItems()));
    }

    @Test
    void aRealCallAppearsTicksAndGoes(FxRobot robot) throws Exception {
        console.login(robot, OPERATOR_PASSWORD);
        assertThat(rows(robot)).isEmpty();

        alice.dial(pbx.uri("1002"));
        await().atMost(ONE_SECOND).until(() -> rows(robot).size() == 1);
        bob.awaitEvent("CALL_INCOMING", WAIT);
        await().atMost(ONE_SECOND).until(() -> cells(robot, "live-calls-table", "col-state").equals(List.of("RINGING")));
        assertThat(cells(robot, "live-calls-table", "col-caller")).containsExactly("Alice (1001)");
        assertThat(cells(robot, "live-calls-table", "col-callee")).containsExactly("Bob (1002)");

        bob.accept();
        bob.awaitEvent("CALL_ESTABLISHED", WAIT);
        await().atMost(ONE_SECOND).until(() -> cells(robot, "live-calls-table", "col-state").equals(List.of("ANSWERED")));
        await().atMost(Duration.ofSeconds(3)).until(() -> cells(robot, "live-calls-table", "col-codec").equals(List.of("PCMU")));
        assertThat(cells(robot, "live-calls-table", "col-mos")).as("phone to phone: media not anchored")
                .containsExactly("not anchored");
        // Issue 10: the callee's display name found nothing.
        robot.clickOn("#live-calls-filter").write("bob");
        await().atMost(ONE_SECOND).until(() -> rows(robot).size() == 1);
        robot.write("-nobody");
        await().atMost(ONE_SECOND).until(() -> rows(robot).isEmpty());
        onFx(() -> {
            robot.lookup("#live-calls-filter").queryAs(javafx.scene.control.TextField.class).clear();
            return null;
        });
        await().atMost(ONE_SECOND).until(() -> rows(robot).size() == 1);
        // Partly because the codec is only known once answered: the table now shows everything at once.
        String before = cells(robot, "live-calls-table", "col-duration").get(0);
        await().atMost(Duration.ofSeconds(3)).until(() -> !cells(robot, "live-calls-table", "col-duration").get(0).equals(before));
        assertThat(cells(robot, "live-calls-table", "col-duration").get(0)).matches("0:0[1-9]");
        assertThat(ConsoleDriver.label(robot, "#status-calls-now")).isEqualTo("Calls now: 1");
        assertThat(ConsoleDriver.label(robot, "#status-devices")).isEqualTo("Registered devices: 2");
        if (statusServed()) {
            // The call in progress counts: at least 1 once the throttled /status request has come back.
            await().atMost(Duration.ofSeconds(3)).until(() -> ConsoleDriver.label(robot, "#status-calls-today").matches("Calls today: [1-9]\\d*"));
        } else {
            assertThat(ConsoleDriver.label(robot, "#status-calls-today")).isEqualTo("Calls today: —");
        }
        console.screenshot(robot, "console-live-calls.png");

        robot.clickOn("#tab-registrations");
        await().atMost(ONE_SECOND).until(() -> cells(robot, "registrations-table", "col-extension").size() == 2);
        assertThat(cells(robot, "registrations-table", "col-extension")).containsExactly("1001", "1002");
        assertThat(cells(robot, "registrations-table", "col-user-agent")).allMatch(ua -> ua.toLowerCase().contains("baresip"));
        assertThat(cells(robot, "registrations-table", "col-expires")).allMatch(e -> e.matches("\\d+:\\d\\d"));
        assertThat(cells(robot, "registrations-table", "col-nat")).allMatch("no NAT, not anchored"::equals);
        console.screenshot(robot, "console-registrations.png");
        robot.clickOn("#tab-live-calls");

        alice.hangup();
        bob.awaitEvent("CALL_CLOSED", WAIT);
        await().atMost(ONE_SECOND).until(() -> rows(robot).isEmpty());
        await().atMost(Duration.ofSeconds(5)).until(() -> ConsoleDriver.label(robot, "#status-calls-now").equals("Calls now: 0"));
    }

    @Test
    void aCallTheApplianceAnswersShowsItsMosNextToTheCodec(FxRobot robot) {
        console.login(robot, OPERATOR_PASSWORD);
        alice.dial(pbx.uri("1003"));
        alice.awaitEvent("CALL_ESTABLISHED", WAIT);
        await().atMost(Duration.ofSeconds(3)).until(() -> cells(robot, "live-calls-table", "col-codec").equals(List.of("PCMU")));
        // the running quality is published every 5 s while the call lasts
        await().atMost(Duration.ofSeconds(15)).until(() -> cells(robot, "live-calls-table", "col-mos").size() == 1
                && cells(robot, "live-calls-table", "col-mos").get(0).matches("[1-4]\\.\\d\\d"));
        assertThat(Double.parseDouble(cells(robot, "live-calls-table", "col-mos").get(0))).isBetween(1.0, 4.5);

        alice.hangup();
        alice.awaitEvent("CALL_CLOSED", WAIT);
        await().atMost(Duration.ofSeconds(5)).until(() -> rows(robot).isEmpty());
    }

    @Test
    void aWrongPasswordIsShownInTheLoginWindow(FxRobot robot) {
        robot.clickOn("#login-password").write("not-the-password");
        robot.clickOn("#login-submit");
        await().atMost(Duration.ofSeconds(5)).until(() -> ConsoleDriver.label(robot, "#login-error").equals("Wrong username or password."));
        assertThat(console.vm()).isNull();
        assertThat(robot.lookup("#login-submit").queryButton().getScene().getWindow().isShowing()).isTrue();
    }

    /** Issue 10: a long login error cut the window's buttons in half. */
    @Test
    void aLongLoginErrorLeavesTheButtonsWhole(FxRobot robot) {
        onFx(() -> {
            robot.lookup("#login-url").queryAs(javafx.scene.control.TextField.class).setText("http://127.0.0.1:1");
            return null;
        });
        robot.clickOn("#login-password").write("any-password");
        robot.clickOn("#login-submit");
        await().atMost(Duration.ofSeconds(10)).until(() -> ConsoleDriver.label(robot, "#login-error")
                .startsWith("The appliance does not answer"));
        for (String id : List.of("#login-submit", "#login-error")) {
            javafx.scene.Node node = robot.lookup(id).query();
            double bottom = onFx(() -> node.localToScene(node.getBoundsInLocal()).getMaxY());
            double sceneHeight = onFx(() -> node.getScene().getHeight());
            assertThat(bottom).as(id + " bottom within the window").isLessThanOrEqualTo(sceneHeight);
        }
        javafx.scene.control.Label error = robot.lookup("#login-error").queryAs(javafx.scene.control.Label.class);
        assertThat(onFx(() -> error.getHeight() + 0.5 >= error.prefHeight(error.getWidth())))
                .as("the error shown at its full height").isTrue();
    }

    @Test
    void snapshotOptionWritesTheMainWindowOnceTheFirstSnapshotIsShown(FxRobot robot) throws IOException {
        assertThat(snapshotFile).doesNotExist();
        console.login(robot, OPERATOR_PASSWORD);
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.isRegularFile(snapshotFile) && Files.size(snapshotFile) > 0);
        BufferedImage png = ImageIO.read(snapshotFile.toFile());
        assertThat(png).isNotNull();
        assertThat(png.getWidth()).isEqualTo(960);
        assertThat(png.getHeight()).isEqualTo(560);
    }

    @Test
    void hangingUpFromTheConsoleEndsTheRealCall(FxRobot robot) {
        console.login(robot, OPERATOR_PASSWORD);
        alice.dial(pbx.uri("1002"));
        bob.awaitEvent("CALL_INCOMING", WAIT);
        bob.accept();
        alice.awaitEvent("CALL_ESTABLISHED", WAIT);
        await().atMost(ONE_SECOND).until(() -> cells(robot, "live-calls-table", "col-state").equals(List.of("ANSWERED")));
        Button hangUp = robot.lookup("#hangup").queryButton();
        assertThat(hangUp.isDisabled()).isTrue();

        robot.clickOn("Alice (1001)");
        assertThat(hangUp.isDisabled()).isFalse();
        robot.clickOn(hangUp);
        DialogPane confirm = robot.lookup("#hangup-confirm").queryAs(DialogPane.class);
        assertThat(confirm.getContentText()).contains("Alice (1001)").contains("1002");
        Button yes = robot.from(confirm).lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Hang up")).findFirst().orElseThrow();
        robot.clickOn(yes);

        alice.awaitEvent("CALL_CLOSED", WAIT);
        bob.awaitEvent("CALL_CLOSED", WAIT);
        await().atMost(ONE_SECOND).until(() -> rows(robot).isEmpty());
        assertThat(ConsoleDriver.label(robot, "#live-calls-message")).startsWith("Hung up Alice (1001)");
    }

    @Test
    void cancellingTheConfirmationLeavesTheCallUp(FxRobot robot) {
        console.login(robot, OPERATOR_PASSWORD);
        alice.dial(pbx.uri("1002"));
        bob.awaitEvent("CALL_INCOMING", WAIT);
        bob.accept();
        alice.awaitEvent("CALL_ESTABLISHED", WAIT);
        await().atMost(ONE_SECOND).until(() -> rows(robot).size() == 1);
        robot.clickOn("Alice (1001)");
        robot.type(javafx.scene.input.KeyCode.DELETE);
        DialogPane confirm = robot.lookup("#hangup-confirm").queryAs(DialogPane.class);
        assertThat(confirm).isNotNull();
        // Enter picks the default button, which is Cancel.
        robot.type(javafx.scene.input.KeyCode.ENTER);
        await().pollDelay(ONE_SECOND).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(rows(robot)).hasSize(1);
        assertThat(alice.events()).noneMatch(e -> e.isType("CALL_CLOSED"));
        alice.hangup();
        bob.awaitEvent("CALL_CLOSED", WAIT);
        await().atMost(ONE_SECOND).until(() -> rows(robot).isEmpty());
    }

    static void createOperator(int httpPort, String username, String password) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/admins"))
                .header("Authorization", "Bearer " + adminToken(httpPort)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password
                        + "\",\"role\":\"OPERATOR\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    /** Whether this appliance serves {@code GET /api/v1/status} yet (it arrives with branch webapi). */
    private static boolean statusServed() throws Exception {
        int port = pbx.appliance().httpPort();
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/status"))
                .header("Authorization", "Bearer " + adminToken(port)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode() != 404;
    }

    private static String adminToken(int httpPort) throws Exception {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"admin-secret\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        return login.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }
}
