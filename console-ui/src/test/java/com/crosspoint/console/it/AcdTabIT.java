package com.crosspoint.console.it;

import com.crosspoint.api.HttpJson;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.TestAppliance;
import javafx.scene.control.Button;
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
 * The ACD tab against a real appliance: a real baresip caller dialling queue 600 shows as waiting within a second
 * and its wait ticks, and goes when it hangs up; an agent logging in and pausing over REST (as the web dashboard
 * does) changes state in the tab within a second; a supervisor logs the agent out from the tab.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "crosspoint.console.failsafe", matches = "true",
        disabledReason = "integration test: runs under failsafe (mvn verify)")
class AcdTabIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final String AGENT_PASSWORD = "agent-web-1002";
    private static TestAppliance pbx;
    private static HttpJson http;
    private static BaresipPhone caller;
    private static AgentWebSession agent;
    private ConsoleDriver console;

    @BeforeAll
    static void startApplianceQueueAndCaller() throws Exception {
        pbx = TestAppliance.start();
        http = new HttpJson("http://127.0.0.1:" + pbx.appliance().httpPort());
        String admin = http.login("admin", "admin-secret");
        String tenant = "/api/v1/tenants/" + pbx.tenant().id();
        pbx.user("1001", "Caller", "pw-caller-1001");
        HttpJson.Res user = http.post(tenant + "/users", admin, "{\"extension\":\"1002\",\"displayName\":\"Agent\","
                + "\"webPassword\":\"" + AGENT_PASSWORD + "\"}");
        assertThat(user.status()).as(user.raw().body()).isEqualTo(201);
        HttpJson.Res queue = http.post(tenant + "/queues", admin,
                "{\"number\":\"600\",\"name\":\"Support\",\"strategy\":\"RING_ALL\",\"serviceLevelSeconds\":20}");
        assertThat(queue.status()).as(queue.raw().body()).isEqualTo(201);
        HttpJson.Res members = http.put(tenant + "/queues/" + queue.body().get("id").asLong() + "/members", admin,
                "[{\"userId\":" + user.body().get("id").asLong() + "}]");
        assertThat(members.status()).as(members.raw().body()).isEqualTo(200);
        agent = AgentWebSession.login(http, "1002", AGENT_PASSWORD, TestAppliance.DOMAIN);
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

    private void openTab(FxRobot robot) {
        console.login(robot, "admin-secret");
        robot.clickOn("#tab-acd");
        await().atMost(WAIT).until(() -> cells(robot, "acd-queues", "col-queue").equals(List.of("Support")));
    }

    private static int rows(FxRobot robot, String table) {
        return onFx(() -> robot.lookup("#" + table).queryAs(TableView.class).getItems().size());
    }

    @Test
    void aRealCallerWaitsWithItsWaitTickingAndGoesWhenHangingUp(FxRobot robot) {
        openTab(robot);
        assertThat(rows(robot, "acd-waiting")).isZero();

        caller.dial(pbx.uri("600"));
        caller.awaitEvent("CALL_ESTABLISHED", WAIT); // the queue answers and plays its announcement
        await().atMost(ONE_SECOND).until(() -> rows(robot, "acd-waiting") == 1);
        // the row is on screen from the next pulse on
        await().atMost(ONE_SECOND).until(() -> cells(robot, "acd-waiting", "col-caller").size() == 1);
        assertThat(cells(robot, "acd-waiting", "col-caller")).singleElement().asString().contains("1001");
        assertThat(cells(robot, "acd-waiting", "col-queue")).containsExactly("Support");
        assertThat(cells(robot, "acd-queues", "col-waiting")).containsExactly("1");
        String first = cells(robot, "acd-waiting", "col-waited").get(0);
        await().atMost(Duration.ofMillis(2_500)).until(() -> !cells(robot, "acd-waiting", "col-waited").get(0)
                .equals(first));
        String later = cells(robot, "acd-waiting", "col-waited").get(0);
        assertThat(seconds(later)).isGreaterThan(seconds(first));
        assertThat(cells(robot, "acd-queues", "col-longest-wait").get(0)).isNotEmpty();
        console.screenshot(robot, "acd-tab-waiting.png");

        caller.hangup();
        caller.awaitEvent("CALL_CLOSED", WAIT);
        await().atMost(WAIT).until(() -> rows(robot, "acd-waiting") == 0);
        await().atMost(WAIT).until(() -> cells(robot, "acd-queues", "col-handled").get(0).contains("1 abandoned"));
    }

    @Test
    void agentStatesFollowTheAgentsOwnRestCallsAndASupervisorLogsThemOut(FxRobot robot) throws Exception {
        openTab(robot);

        agent.change("{\"status\":\"AVAILABLE\"}");
        await().atMost(ONE_SECOND).until(() -> cells(robot, "acd-agents", "col-status").equals(List.of("available")));
        assertThat(cells(robot, "acd-agents", "col-extension")).containsExactly("1002");
        await().atMost(ONE_SECOND).until(() -> cells(robot, "acd-queues", "col-agents")
                .equals(List.of("1 available")));

        agent.change("{\"status\":\"PAUSED\",\"reason\":\"lunch\"}");
        await().atMost(ONE_SECOND).until(() -> cells(robot, "acd-agents", "col-status").equals(List.of("paused")));
        assertThat(cells(robot, "acd-agents", "col-reason")).containsExactly("lunch");

        javafx.scene.Node firstAgent = onFx(() -> robot.lookup("#acd-agents .table-row-cell").nth(0).query());
        robot.clickOn(firstAgent);
        robot.clickOn("#acd-log-out");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane question = robot.lookup("#acd-log-out-confirm").queryAs(DialogPane.class);
        robot.clickOn((Button) question.lookupButton(com.crosspoint.console.view.AcdView.CONFIRM));
        await().atMost(WAIT).until(() -> cells(robot, "acd-agents", "col-status").equals(List.of("logged out")));
        assertThat(ConsoleDriver.label(robot, "#acd-message")).isEqualTo("1002 is logged out.");
        assertThat(http.get("/api/v1/tenants/" + pbx.tenant().id() + "/agents", http.login("admin", "admin-secret"))
                .body().get(0).get("status").asText()).isEqualTo("LOGGED_OUT");
    }

    @Test
    void theWallboardOpensFullScreenWithATilePerQueueAndEscapeClosesIt(FxRobot robot) {
        openTab(robot);
        robot.clickOn("#acd-wallboard");
        await().atMost(WAIT).until(() -> onFx(() -> robot.lookup("#wallboard").tryQuery().isPresent()));
        Stage board = onFx(() -> (Stage) robot.lookup("#wallboard").query().getScene().getWindow());
        assertThat(onFx(board::isFullScreen)).isTrue();
        assertThat(onFx(() -> robot.lookup("#wallboard-tiles").queryParent().getChildrenUnmodifiable().size()))
                .isEqualTo(1);
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        await().atMost(WAIT).until(() -> !onFx(board::isShowing));
    }

    private static int seconds(String mmss) {
        String[] p = mmss.split(":");
        return Integer.parseInt(p[p.length - 2]) * 60 + Integer.parseInt(p[p.length - 1]);
    }
}
