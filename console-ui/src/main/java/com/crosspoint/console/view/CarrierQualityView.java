package com.crosspoint.console.view;

import com.crosspoint.console.viewmodel.CarrierQualityViewModel;
import com.crosspoint.console.viewmodel.CarrierRow;
import com.crosspoint.console.viewmodel.ChartMetric;
import com.crosspoint.console.viewmodel.QualitySample;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.geometry.Orientation;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The carrier quality tab: a table of the carriers with their live figures, a chart of the last hour (one line per
 * carrier, the figure chosen above it), and out of service / back with a confirmation.
 */
public final class CarrierQualityView {
    /** The confirm button of the out-of-service dialog. */
    public static final ButtonType CONFIRM = new ButtonType("Yes, change it", ButtonBar.ButtonData.OK_DONE);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final CarrierQualityViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<CarrierRow> table = new TableView<>();
    private final NumberAxis time = new NumberAxis();
    private final NumberAxis figure = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(time, figure);
    private final Map<CarrierRow, XYChart.Series<Number, Number>> lines = new HashMap<>();

    public CarrierQualityView(CarrierQualityViewModel vm) {
        this.vm = vm;
        build();
    }

    public Node node() {
        return root;
    }

    private void build() {
        Button service = new Button();
        service.setId("carrier-service");
        service.textProperty().bind(vm.serviceActionProperty());
        service.disableProperty().bind(vm.canChangeServiceProperty().not());
        service.setOnAction(e -> confirmServiceChange());
        Label pollState = new Label();
        pollState.setId("carriers-poll-state");
        pollState.textProperty().bind(vm.pollStateProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, pollState, gap, service);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));

        buildTable();
        VBox chartBox = buildChart();
        SplitPane split = new SplitPane(table, chartBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);

        Label message = new Label();
        message.setId("carriers-message");
        message.textProperty().bind(vm.messageProperty());
        root.setTop(bar);
        root.setCenter(split);
        root.setBottom(message);
        BorderPane.setMargin(message, new Insets(4, 8, 4, 8));
    }

    private void buildTable() {
        table.setId("carriers-table");
        table.setPlaceholder(new Label("No carriers"));
        table.getColumns().addAll(List.of(
                Tables.column("Carrier", "col-carrier", 150, CarrierRow::nameProperty),
                Tables.column("Status", "col-status", 120, CarrierRow::statusProperty),
                Tables.column("Live calls", "col-live-calls", 70, CarrierRow::liveCallsProperty),
                Tables.column("Calls/s", "col-calls-per-second", 60, CarrierRow::callsPerSecondProperty),
                Tables.column("ASR", "col-asr", 70, CarrierRow::asrProperty),
                Tables.column("ACD", "col-acd", 60, CarrierRow::acdProperty),
                Tables.column("PDD", "col-pdd", 70, CarrierRow::pddProperty),
                Tables.column("NER", "col-ner", 70, CarrierRow::nerProperty),
                Tables.column("MOS", "col-mos", 50, CarrierRow::mosProperty),
                Tables.column("Cost/min", "col-cost", 70, CarrierRow::costPerMinuteProperty),
                Tables.column("Margin", "col-margin", 90, CarrierRow::marginProperty),
                Tables.column("Margin %", "col-margin-percent", 70, CarrierRow::marginPercentProperty)));
        table.setItems(vm.carriers());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> vm.selectedProperty().set(is));
        vm.selectedProperty().addListener((o, was, is) -> {
            if (is == null) {
                table.getSelectionModel().clearSelection();
            } else if (is != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(is);
            }
        });
    }

    private VBox buildChart() {
        ChoiceBox<ChartMetric> metric = new ChoiceBox<>();
        metric.setId("carriers-chart-metric");
        metric.getItems().setAll(ChartMetric.values());
        metric.valueProperty().bindBidirectional(vm.chartMetricProperty());
        Label caption = new Label("Last hour:");
        caption.setLabelFor(metric);
        HBox choose = new HBox(8, caption, metric);
        choose.setAlignment(Pos.CENTER_LEFT);
        choose.setPadding(new Insets(4, 8, 0, 8));

        chart.setId("carriers-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        time.setForceZeroInRange(false);
        time.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number epochSecond) {
                return CLOCK.format(Instant.ofEpochSecond(epochSecond.longValue()));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException();
            }
        });
        figure.labelProperty().bind(vm.chartMetricProperty().asString());
        VBox.setVgrow(chart, Priority.ALWAYS);

        vm.carriers().addListener((ListChangeListener<CarrierRow>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::removeLine);
                change.getAddedSubList().forEach(this::addLine);
            }
        });
        vm.carriers().forEach(this::addLine);
        vm.chartMetricProperty().addListener((o, was, is) -> lines.forEach(this::redraw));
        return new VBox(choose, chart);
    }

    private void addLine(CarrierRow row) {
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        line.nameProperty().bind(row.nameProperty());
        lines.put(row, line);
        chart.getData().add(line);
        redraw(row, line);
        // samples arrive one per poll and leave after an hour: the line follows the row's list
        row.samples().addListener((ListChangeListener<QualitySample>) change -> redraw(row, line));
    }

    private void removeLine(CarrierRow row) {
        XYChart.Series<Number, Number> line = lines.remove(row);
        if (line != null) {
            chart.getData().remove(line);
        }
    }

    private void redraw(CarrierRow row, XYChart.Series<Number, Number> line) {
        ChartMetric metric = vm.chartMetricProperty().get();
        List<XYChart.Data<Number, Number>> points = row.samples().stream()
                .filter(s -> metric.valueOf(s) != null)
                .map(s -> new XYChart.Data<Number, Number>(s.at().getEpochSecond(), metric.valueOf(s)))
                .toList();
        line.getData().setAll(points);
    }

    private void confirmServiceChange() {
        CarrierRow row = vm.selectedProperty().get();
        if (row == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, vm.serviceQuestion(row), CONFIRM, ButtonType.CANCEL);
        confirm.setTitle("Carrier service");
        confirm.setHeaderText(vm.serviceActionProperty().get().replace("…", "") + ": " + row.nameProperty().get());
        if (root.getScene() != null) {
            confirm.initOwner(root.getScene().getWindow());
        }
        confirm.getDialogPane().setId("carrier-service-confirm");
        // Cancel is the default: Enter alone must not take a carrier's traffic away.
        ((Button) confirm.getDialogPane().lookupButton(CONFIRM)).setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        confirm.showAndWait().filter(CONFIRM::equals).ifPresent(b -> vm.changeService(row));
    }
}
