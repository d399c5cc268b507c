package com.crosspoint.console.it;

import com.crosspoint.acr.policy.CandidateAssessment;
import com.crosspoint.api.CarrierEdgeClient;
import com.crosspoint.api.HttpJson;
import com.crosspoint.console.viewmodel.CarrierRow;
import com.crosspoint.testing.SippCarrierTraffic;
import com.crosspoint.testing.TestAppliance;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableCell;
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

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.crosspoint.console.it.ConsoleDriver.cells;
import static com.crosspoint.console.it.ConsoleDriver.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The carrier quality tab against a real appliance whose call router carries real SIP calls ({@link SippCarrierTraffic}:
 * SIPp plays the PBX and the two carriers): the cheapest carrier's live figures show and
 * its line is in the chart; taking it out of service from the tab (after the question) moves the traffic to the
 * other carrier and out of the route; an operator who may not is told so and nothing changes.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "crosspoint.console.failsafe", matches = "true",
        disabledReason = "integration test: runs under failsafe (mvn verify)")
class CarrierQualityIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String NUMBER = "+442079460000";
    private static final String OPERATOR_PASSWORD = "operator-pw-77";
    private static TestAppliance pbx;
    private static CarrierEdgeClient edge;
    private static HttpJson http;
    private static String adminToken;
    private static long cheap;
    private static long dear;
    private static SippCarrierTraffic traffic;
    private ConsoleDriver console;

    @BeforeAll
    static void startApplianceAndTraffic() throws Exception {
        pbx = TestAppliance.start(Map.of("router.port", "0", "router.customers", "127.0.0.1",
                "router.probeSeconds", "0"));
        http = new HttpJson("http://127.0.0.1:" + pbx.appliance().httpPort());
        adminToken = http.login("admin", "admin-secret");
        edge = new CarrierEdgeClient(http, adminToken);
        int cheapPort = SippCarrierTraffic.carrierPort();
        int dearPort = SippCarrierTraffic.carrierPort();
        cheap = edge.createCarrier("Cheap Carrier", cheapPort);
        dear = edge.createCarrier("Dear Carrier", dearPort);
        // per-second billing: a short call's cost per minute of talk stays near the rate
        String deck = "prefix,destination,rate,increment,effective_from\n44,United Kingdom,%s,1/1,2020-01-01\n";
        assertThat(edge.importDeck(cheap, deck.formatted("0.0100")).path("state").asText()).isEqualTo("DONE");
        assertThat(edge.importDeck(dear, deck.formatted("0.0300")).path("state").asText()).isEqualTo("DONE");
        LiveCallsIT.createOperator(pbx.appliance().httpPort(), "olga", OPERATOR_PASSWORD);
        traffic = SippCarrierTraffic.start(pbx.appliance().routerPort(), NUMBER, 10, Duration.ofSeconds(3), cheapPort, dearPort);
    }

    /** Calls the router has started to the carrier so far. */
    private static long startedTo(long carrierId) {
        return pbx.appliance().callRouter().totals().of(carrierId).started();
    }

    @AfterAll
    static void stopAll() {
        if (traffic != null) {
            traffic.close();
        }
        if (pbx != null) {
            pbx.close();
        }
    }

    @Start
    void start(Stage stage) {
        console = ConsoleDriver.start(stage, "http://127.0.0.1:" + pbx.appliance().httpPort(), null);
    }

    @Stop
    void stop() {
        console.close();
    }

    private void login(FxRobot robot, String username, String password) {
        robot.clickOn("#login-username").write(username);
        console.login(robot, password);
        robot.clickOn("#tab-carriers");
    }

    private static void setInService(long id, boolean inService) {
        assertThat(http.send("PATCH", "/api/v1/carriers/" + id, adminToken, "{\"inService\":" + inService + "}")
                .status()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private static CarrierRow row(FxRobot robot, String name) {
        return onFx(() -> ((TableView<CarrierRow>) robot.lookup("#carriers-table").queryAs(TableView.class)).getItems()
                .stream().filter(r -> r.nameProperty().get().equals(name)).findFirst().orElse(null));
    }

    /** The cell of a column in the carrier's row, as the table shows it. */
    private static String cell(FxRobot robot, String name, String column) {
        List<String> names = cells(robot, "carriers-table", "col-carrier");
        List<String> values = cells(robot, "carriers-table", column);
        int i = names.indexOf(name);
        return i < 0 || i >= values.size() ? null : values.get(i);
    }

    private static CandidateAssessment explained(long carrierId) {
        return pbx.appliance().callRouter().explain(NUMBER, Instant.now()).candidates().stream()
                .filter(c -> c.carrier().id() == carrierId).findFirst().orElseThrow();
    }

    /** Selects the carrier's row, presses the service button and answers the question with yes. */
    private static DialogPane askToChangeService(FxRobot robot, String name) {
        // the name is in the chart's legend too: click the table's cell
        robot.clickOn(onFx(() -> robot.lookup("#carriers-table .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> name.equals(c.getText())).findFirst().orElseThrow()));
        Button service = robot.lookup("#carrier-service").queryButton();
        await().atMost(WAIT).until(() -> !service.isDisabled());
        robot.clickOn(service);
        return robot.lookup("#carrier-service-confirm").queryAs(DialogPane.class);
    }

    private static void confirm(FxRobot robot, DialogPane dialog) {
        Button yes = robot.from(dialog).lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Yes, change it")).findFirst().orElseThrow();
        robot.clickOn(yes);
    }

    @Test
    void theTabShowsLiveFiguresAndTakingTheCheapestOutOfServiceMovesItsTraffic(FxRobot robot) {
        setInService(cheap, true);
        login(robot, "admin", "admin-secret");

        await().atMost(WAIT).until(() -> cell(robot, "Cheap Carrier", "col-asr") != null
                && cell(robot, "Cheap Carrier", "col-asr").equals("100.0 %")
                && Integer.parseInt(cell(robot, "Cheap Carrier", "col-live-calls")) > 0);
        assertThat(cell(robot, "Cheap Carrier", "col-status")).isEqualTo("In service");
        assertThat(cell(robot, "Cheap Carrier", "col-ner")).isEqualTo("100.0 %");
        assertThat(cell(robot, "Cheap Carrier", "col-pdd")).matches("0\\.\\d\\d s");
        assertThat(cell(robot, "Cheap Carrier", "col-acd")).matches("0:0[2-4]");
        // 10 calls/s offered, all to the cheapest: the rate over the last 10 s shows it (SIPp may lag a little)
        await().atMost(WAIT).until(() -> Double.parseDouble(cell(robot, "Cheap Carrier", "col-calls-per-second")) >= 5);
        // 0.01/min billed by the second: a 3 s call billed whole seconds costs a little more per minute of talk
        assertThat(new BigDecimal(cell(robot, "Cheap Carrier", "col-cost")))
                .isBetween(new BigDecimal("0.0100"), new BigDecimal("0.0150"));
        assertThat(cell(robot, "Cheap Carrier", "col-mos")).as("no media passed the appliance").isEqualTo(CarrierRow.NONE);
        assertThat(cell(robot, "Dear Carrier", "col-live-calls")).isEqualTo("0");
        await().atMost(WAIT).until(() -> chartPoints(robot, "Cheap Carrier") >= 2);
        console.screenshot(robot, "console-carrier-quality.png");

        DialogPane question = askToChangeService(robot, "Cheap Carrier");
        assertThat(question.getContentText()).startsWith("Take Cheap Carrier out of service?");
        confirm(robot, question);

        await().atMost(WAIT).until(() -> "Out of service".equals(cell(robot, "Cheap Carrier", "col-status")));
        assertThat(ConsoleDriver.label(robot, "#carriers-message")).isEqualTo("Cheap Carrier is out of service.");
        assertThat(explained(cheap).excluded()).as("the route no longer offers it").isTrue();
        assertThat(explained(dear).rank()).isEqualTo(1);
        long cheapCalls = startedTo(cheap);
        long dearCalls = startedTo(dear);
        await().atMost(WAIT).until(() -> startedTo(dear) > dearCalls + 5);
        assertThat(startedTo(cheap)).as("no new call to the carrier out of service").isEqualTo(cheapCalls);
        await().atMost(WAIT).until(() -> "0".equals(cell(robot, "Cheap Carrier", "col-live-calls"))
                && Integer.parseInt(cell(robot, "Dear Carrier", "col-live-calls")) > 0);

        // and back
        confirm(robot, askToChangeService(robot, "Cheap Carrier"));
        await().atMost(WAIT).until(() -> "In service".equals(cell(robot, "Cheap Carrier", "col-status")));
        assertThat(explained(cheap).rank()).isEqualTo(1);
        long before = startedTo(cheap);
        await().atMost(WAIT).until(() -> startedTo(cheap) > before);
    }

    @Test
    void anOperatorWatchesTheCarriersButMayNotTakeOneOutOfService(FxRobot robot) {
        setInService(cheap, true);
        login(robot, "olga", OPERATOR_PASSWORD);
        await().atMost(WAIT).until(() -> "In service".equals(cell(robot, "Cheap Carrier", "col-status")));

        confirm(robot, askToChangeService(robot, "Cheap Carrier"));
        await().atMost(WAIT).until(() -> ConsoleDriver.label(robot, "#carriers-message").startsWith("Not allowed"));
        assertThat(ConsoleDriver.label(robot, "#carriers-message")).startsWith("Not allowed to change Cheap Carrier: ");
        assertThat(pbx.appliance().callRouter().carriers()).filteredOn(c -> c.id() == cheap)
                .singleElement().satisfies(c -> assertThat(c.inService()).isTrue());
        assertThat(row(robot, "Cheap Carrier").statusProperty().get()).isEqualTo("In service");
    }

    @SuppressWarnings("unchecked")
    private static int chartPoints(FxRobot robot, String carrier) {
        return onFx(() -> {
            LineChart<Number, Number> chart = robot.lookup("#carriers-chart").queryAs(LineChart.class);
            return chart.getData().stream().filter(s -> carrier.equals(s.getName()))
                    .mapToInt(s -> s.getData().size()).sum();
        });
    }
}
