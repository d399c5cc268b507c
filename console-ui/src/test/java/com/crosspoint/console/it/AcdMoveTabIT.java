package com.crosspoint.console.it;

import com.crosspoint.api.HttpJson;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.TestAppliance;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.List;

import static com.crosspoint.console.it.ConsoleDriver.cells;
import static com.crosspoint.console.it.ConsoleDriver.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ACD tab's "Move caller" against a real appliance: a real baresip caller waiting in queue 600 (Support) is
 * selected, moved to 601 (Sales) in the dialog, and shows waiting in Sales; the appliance has it there, and
 * Support counts it as transferred.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "crosspoint.console.failsafe", matches = "true",
        disabledReason = "integration test: runs under failsafe (mvn verify)")
class AcdMoveTabIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestAppliance pbx;
    private static HttpJson http;
    private static BaresipPhone caller;
    private static String tenant;
    private static long sales;
    private ConsoleDriver console;

    @BeforeAll
    static void startApplianceQueuesAndCaller() throws Exception {
        pbx = TestAppliance.start();
        http = new HttpJson("http://127.0.0.1:" + pbx.appliance().httpPort());
        String admin = http.login("admin", "admin-secret");
        tenant = "/api/v1/tenants/" + pbx.tenant().id();
        pbx.user("1001", "Caller", "pw-caller-1001");
        for (String q : List.of("{\"number\":\"600\",\"name\":\"Support\",\"strategy\":\"RING_ALL\"}",
                "{\"number\":\"601\",\"name\":\"Sales\",\"strategy\":\"RING_ALL\"}")) {
            HttpJson.Res queue = http.post(tenant + "/queues", admin, q);
            assertThat(queue.status()).as(queue.raw().body()).isEqualTo(201);
            sales = queue.body().get("id").asLong();
        }
        caller = BaresipPhone.builder(pbx.uri("1001")).password("pw-caller-1001").start();
        caller.awaitRegistered(WAIT);
    }

    @AfterAll
    static void stopAll() {
        if (caller != null) {
            caller.close();
        }
        if (pbx != null) {
            pbx.close();
        }
    }

    @Start
    void start(Stage stage) {
        console = ConsoleDriver.start(stage, "http://127.0.0.1:" + pbx.appliance().httpPort(), "admin");
    }

    @Stop
    void stop() {
        console.close();
    }

    private static int rows(FxRobot robot, String table) {
        return onFx(() -> robot.lookup("#" + table).queryAs(TableView.class).getItems().size());
    }

    @Test
    void aSupervisorMovesAWaitingCallerToAnotherQueue(FxRobot robot) {
        console.login(robot, "admin-secret");
        robot.clickOn("#tab-acd");
        await().atMost(WAIT).until(() -> cells(robot, "acd-queues", "col-queue").size() == 2);
        assertThat(onFx(() -> robot.lookup("#acd-move").queryAs(Button.class).isDisabled()))
                .as("nobody selected: nothing to move").isTrue();

        caller.dial(pbx.uri("600"));
        caller.awaitEvent("CALL_ESTABLISHED", WAIT);
        await().atMost(WAIT).until(() -> cells(robot, "acd-waiting", "col-queue").equals(List.of("Support")));
        javafx.scene.Node waiting = onFx(() -> robot.lookup("#acd-waiting .table-row-cell").nth(0).query());
        robot.clickOn(waiting);
        robot.clickOn("#acd-move");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = robot.lookup("#acd-move-dialog").queryAs(DialogPane.class);
        assertThat(onFx(() -> robot.from(dialog).lookup(".combo-box").queryComboBox().getItems().toString()))
                .isEqualTo("[Sales (601)]");
        robot.clickOn((Button) dialog.lookupButton(ButtonType.OK));

        await().atMost(WAIT).until(() -> cells(robot, "acd-waiting", "col-queue").equals(List.of("Sales")));
        assertThat(ConsoleDriver.label(robot, "#acd-message")).contains("waits in Sales now");
        assertThat(rows(robot, "acd-waiting")).isEqualTo(1);
        var board = http.get(tenant + "/acd/board", http.login("admin", "admin-secret")).body().get("queues");
        for (var q : board) {
            boolean isSales = q.get("stats").get("queueId").asLong() == sales;
            assertThat(q.get("waiting").size()).isEqualTo(isSales ? 1 : 0);
            assertThat(q.get("stats").get("transferred").asInt()).isEqualTo(isSales ? 0 : 1);
        }
        caller.hangup();
        caller.awaitEvent("CALL_CLOSED", WAIT);
        await().atMost(WAIT).until(() -> rows(robot, "acd-waiting") == 0);
    }
}
