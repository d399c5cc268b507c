package com.crosspoint.console.it;

import com.crosspoint.console.viewmodel.Alarm;
import com.crosspoint.testing.ApplianceProcess;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.HarnessFiles;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.crosspoint.console.it.ConsoleDriver.cells;
import static com.crosspoint.console.it.ConsoleDriver.onFx;
import static com.crosspoint.console.it.ConsoleDriver.statusText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code kill -9} of a real appliance process under the console: the status bar says so and
 * counts down to the next attempt; after a restart on the same data directory and port the
 * console reconnects by itself (its login kept in the data directory, or logging in again) and shows the
 * restored state, and the stream is live again.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "crosspoint.console.failsafe", matches = "true",
        disabledReason = "integration test: runs under failsafe (mvn verify)")
class RestartIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path APPLIANCE_TARGET = Path.of("..", "appliance", "target");
    private static final String DEMO_PASSWORD = "demo-pw-4321";
    private static final String ADMIN_PASSWORD = "admin-pw-4321";
    private static final Map<String, String> ENV = Map.of("CROSSPOINT_DEMO_PASSWORD", DEMO_PASSWORD,
            "CROSSPOINT_ADMIN_PASSWORD", ADMIN_PASSWORD);

    private final Path dataDir = HarnessFiles.tempDir("console-restart").resolve("data");
    private final int sipPort = FreePorts.udpAndTcp();
    private final int httpPort = FreePorts.udpAndTcp();
    private final List<AutoCloseable> open = new ArrayList<>();
    private ApplianceProcess appliance;
    private ConsoleDriver console;

    @Start
    void start(Stage stage) {
        appliance = ApplianceProcess.start(APPLIANCE_TARGET, dataDir, sipPort, httpPort, ENV);
        open.add(() -> appliance.close());
        console = ConsoleDriver.start(stage, "http://127.0.0.1:" + httpPort, "admin");
    }

    @Stop
    void stop() {
        console.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private BaresipPhone phone(String extension) {
        BaresipPhone p = BaresipPhone.builder("sip:" + extension + "@127.0.0.1:" + sipPort).password(DEMO_PASSWORD)
                .regint(600).start();
        open.add(p);
        return p;
    }

    private List<String> alarms() {
        return onFx(() -> console.vm().status().alarms().stream().map(Alarm::title).toList());
    }

    /** A notification popup (ControlsFX) showing this title. */
    private static boolean shown(FxRobot robot, String title) {
        return onFx(() -> robot.lookup(".notification-bar").queryAll().stream()
                .flatMap(bar -> robot.from(bar).lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream())
                .anyMatch(l -> title.equals(l.getText()) && l.isVisible()));
    }

    @Test
    void reconnectsByItselfAfterTheApplianceWasKilledAndRestarted(FxRobot robot) {
        BaresipPhone alice = phone("1001");
        alice.awaitRegistered(WAIT);
        console.login(robot, ADMIN_PASSWORD);
        robot.clickOn("#tab-registrations");
        await().atMost(WAIT).until(() -> cells(robot, "registrations-table", "col-extension").equals(List.of("1001")));
        assertThat(statusText(robot)).startsWith("Connected");

        appliance.killHard();
        await().atMost(Duration.ofSeconds(5)).until(() -> statusText(robot).matches("Disconnected \\(.*\\) — reconnecting (in \\d+ s|now…)"));
        assertThat(alarms()).containsExactly("Appliance unreachable");
        await().atMost(Duration.ofSeconds(3)).until(() -> shown(robot, "Appliance unreachable"));
        // The tables keep the last known state while disconnected; the status bar says it is not live.
        assertThat(cells(robot, "registrations-table", "col-extension")).containsExactly("1001");

        appliance = ApplianceProcess.start(APPLIANCE_TARGET, dataDir, sipPort, httpPort, ENV);
        // Back-off is at most 30 s: 1, 2, 4, 8, 16 s cover any start time below ~30 s.
        await().atMost(Duration.ofSeconds(40)).until(() -> statusText(robot).startsWith("Connected"));
        assertThat(alarms()).containsExactly("Appliance unreachable", "Reconnected");
        await().atMost(Duration.ofSeconds(3)).until(() -> shown(robot, "Reconnected"));
        // The binding restored from the data directory, from a fresh snapshot.
        assertThat(cells(robot, "registrations-table", "col-extension")).containsExactly("1001");
        assertThat(ConsoleDriver.label(robot, "#status-calls-now")).isEqualTo("Calls now: 0");

        // And the stream is live again: a phone that registers now shows up.
        BaresipPhone bob = phone("1002");
        bob.awaitRegistered(WAIT);
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(cells(robot, "registrations-table", "col-extension")).containsExactly("1001", "1002"));
        assertThat(ConsoleDriver.label(robot, "#status-devices")).isEqualTo("Registered devices: 2");
    }
}
