package com.crosspoint.console.view;

import com.crosspoint.console.viewmodel.CallRow;
import com.crosspoint.console.viewmodel.LiveCallsViewModel;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.control.textfield.TextFields;

import java.util.Comparator;

/** The live-calls tab: a filter, the table of calls in progress, and hang-up with confirmation. */
public final class LiveCallsView {
    /** The confirm button of the hang-up dialog. */
    public static final ButtonType HANG_UP = new ButtonType("Hang up", ButtonBar.ButtonData.OK_DONE);

    private final LiveCallsViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<CallRow> table = new TableView<>();
    private final TextField filter = TextFields.createClearableTextField();

    public LiveCallsView(LiveCallsViewModel vm) {
        this.vm = vm;
        build();
    }

    public Node node() {
        return root;
    }

    public TextField filterField() {
        return filter;
    }

    private void build() {
        filter.setId("live-calls-filter");
        filter.setPromptText("Filter calls (name, extension, state, codec…)   Ctrl+F");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);

        Button hangUp = new Button("Hang up…");
        hangUp.setId("hangup");
        hangUp.disableProperty().bind(vm.canHangUpProperty().not());
        hangUp.setOnAction(e -> confirmHangUp());
        Label message = new Label();
        message.setId("live-calls-message");
        message.textProperty().bind(vm.messageProperty());
        HBox bar = new HBox(8, filter, hangUp);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));

        table.setId("live-calls-table");
        table.setPlaceholder(new Label("No calls in progress"));
        TableColumn<CallRow, String> caller = Tables.column("Caller", "col-caller", 190, CallRow::callerProperty);
        TableColumn<CallRow, String> callee = Tables.column("Callee / connected to", "col-callee", 170, CallRow::calleeProperty);
        TableColumn<CallRow, String> state = Tables.column("State", "col-state", 100, CallRow::stateProperty);
        TableColumn<CallRow, String> started = Tables.column("Started", "col-started", 80, CallRow::startedProperty);
        TableColumn<CallRow, String> duration = Tables.column("Duration", "col-duration", 80, CallRow::durationProperty);
        // Sort durations by seconds, not by text ("10:00" after "9:59").
        duration.setComparator(Comparator.comparingLong(LiveCallsView::seconds));
        TableColumn<CallRow, String> codec = Tables.column("Codec", "col-codec", 70, CallRow::codecProperty);
        TableColumn<CallRow, String> mos = Tables.column("MOS", "col-mos", 50, CallRow::mosProperty);
        TableColumn<CallRow, String> media = Tables.column("Media", "col-media", 130, CallRow::mediaProperty);
        TableColumn<CallRow, String> tenant = Tables.column("Tenant", "col-tenant", 60, CallRow::tenantProperty);
        tenant.visibleProperty().bind(vm.showTenantProperty());
        table.getColumns().addAll(java.util.List.of(caller, callee, state, started, duration, codec, mos, media, tenant));
        SortedList<CallRow> sorted = new SortedList<>(vm.calls());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> vm.selectedProperty().set(is));
        vm.selectedProperty().addListener((o, was, is) -> {
            if (is != table.getSelectionModel().getSelectedItem()) {
                if (is == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(is);
                }
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && vm.canHangUpProperty().get()) {
                confirmHangUp();
                e.consume();
            }
        });

        root.setTop(bar);
        root.setCenter(table);
        root.setBottom(message);
        BorderPane.setMargin(message, new Insets(4, 8, 4, 8));
    }

    /** "m:ss" or "h:mm:ss" to seconds. */
    private static long seconds(String duration) {
        long s = 0;
        for (String part : duration.split(":")) {
            s = s * 60 + Long.parseLong(part.trim());
        }
        return s;
    }

    private void confirmHangUp() {
        CallRow row = vm.selectedProperty().get();
        if (row == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, vm.hangUpQuestion(row), HANG_UP, ButtonType.CANCEL);
        confirm.setTitle("Hang up call");
        confirm.setHeaderText("Hang up this call?");
        if (root.getScene() != null) {
            confirm.initOwner(root.getScene().getWindow());
        }
        confirm.getDialogPane().setId("hangup-confirm");
        // Cancel is the default: Enter alone must not end a call.
        ((Button) confirm.getDialogPane().lookupButton(HANG_UP)).setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        confirm.showAndWait().filter(HANG_UP::equals).ifPresent(b -> vm.hangUp(row));
    }
}
