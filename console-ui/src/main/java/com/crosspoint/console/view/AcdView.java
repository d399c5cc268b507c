package com.crosspoint.console.view;

import com.crosspoint.console.viewmodel.AcdQueueRow;
import com.crosspoint.console.viewmodel.AcdViewModel;
import com.crosspoint.console.viewmodel.AgentRow;
import com.crosspoint.console.viewmodel.TenantChoice;
import com.crosspoint.console.viewmodel.WaitingRow;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.List;

/**
 * The ACD tab: the queues with their figures and service-level gauges above, the waiting callers and the agents
 * below; a supervisor logs an agent out (after a question), moves a waiting caller to another queue (chosen in a
 * dialog) and opens the full-screen wallboard.
 */
public final class AcdView {
    /** The confirm button of the log-out question. */
    public static final ButtonType CONFIRM = new ButtonType("Log out", ButtonBar.ButtonData.OK_DONE);

    private final AcdViewModel vm;
    private final BorderPane root = new BorderPane();
    private final Wallboard wallboard;

    public AcdView(AcdViewModel vm) {
        this.vm = vm;
        this.wallboard = new Wallboard(vm);
        build();
    }

    public Node node() {
        return root;
    }

    private void build() {
        Label state = new Label();
        state.setId("acd-state");
        state.textProperty().bind(vm.stateProperty());
        Button logOut = new Button("Log agent out…");
        logOut.setId("acd-log-out");
        logOut.disableProperty().bind(vm.canLogOutProperty().not());
        logOut.setOnAction(e -> confirmLogOut());
        Button move = new Button("Move caller…");
        move.setId("acd-move");
        move.disableProperty().bind(vm.canMoveProperty().not());
        move.setOnAction(e -> chooseQueue());
        Button board = new Button("Wallboard");
        board.setId("acd-wallboard");
        board.setOnAction(e -> wallboard.show(root.getScene() == null ? null : root.getScene().getWindow()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8);
        if (vm.tenantChoosable()) {
            ChoiceBox<TenantChoice> tenant = new ChoiceBox<>(vm.tenants());
            tenant.setId("acd-tenant");
            tenant.valueProperty().bindBidirectional(vm.tenantProperty());
            Label caption = new Label("Tenant:");
            caption.setLabelFor(tenant);
            bar.getChildren().addAll(caption, tenant);
        }
        bar.getChildren().addAll(state, gap, move, logOut, board);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));

        SplitPane lower = new SplitPane(waitingTable(), agentsTable());
        lower.setDividerPositions(0.5);
        SplitPane split = new SplitPane(queuesTable(), lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.4);

        Label message = new Label();
        message.setId("acd-message");
        message.textProperty().bind(vm.messageProperty());
        root.setTop(bar);
        root.setCenter(split);
        root.setBottom(message);
        BorderPane.setMargin(message, new Insets(4, 8, 4, 8));
    }

    private TableView<AcdQueueRow> queuesTable() {
        TableView<AcdQueueRow> t = new TableView<>(vm.queues());
        t.setId("acd-queues");
        t.setPlaceholder(new Label("No queues"));
        TableColumn<AcdQueueRow, String> level = Tables.column("Service level", "col-service-level", 170,
                AcdQueueRow::serviceLevelProperty);
        level.setCellFactory(c -> new ServiceLevelCell());
        t.getColumns().addAll(List.of(
                Tables.column("Queue", "col-queue", 140, AcdQueueRow::nameProperty),
                Tables.column("Number", "col-number", 70, AcdQueueRow::numberProperty),
                Tables.column("Waiting", "col-waiting", 60, AcdQueueRow::waitingProperty),
                Tables.column("Longest wait", "col-longest-wait", 90, AcdQueueRow::longestWaitProperty),
                level,
                Tables.column("Calls", "col-handled", 300, AcdQueueRow::handledProperty),
                Tables.column("Agents", "col-agents", 200, AcdQueueRow::agentsProperty)));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    private TableView<WaitingRow> waitingTable() {
        TableView<WaitingRow> t = new TableView<>(vm.waiting());
        t.setId("acd-waiting");
        t.setPlaceholder(new Label("Nobody waits"));
        t.getColumns().addAll(List.of(
                Tables.column("Queue", "col-queue", 110, WaitingRow::queueProperty),
                Tables.column("#", "col-position", 35, WaitingRow::positionProperty),
                Tables.column("Caller", "col-caller", 170, WaitingRow::callerProperty),
                Tables.column("Waiting", "col-waited", 70, WaitingRow::waitedProperty)));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> vm.selectedCallerProperty().set(is));
        return t;
    }

    private TableView<AgentRow> agentsTable() {
        TableView<AgentRow> t = new TableView<>(vm.agents());
        t.setId("acd-agents");
        t.setPlaceholder(new Label("No agent has logged in yet"));
        t.getColumns().addAll(List.of(
                Tables.column("Agent", "col-extension", 70, AgentRow::extensionProperty),
                Tables.column("Status", "col-status", 90, AgentRow::statusProperty),
                Tables.column("Reason", "col-reason", 100, AgentRow::reasonProperty),
                Tables.column("For", "col-in-status", 60, AgentRow::inStatusProperty),
                Tables.column("Calls", "col-calls", 50, AgentRow::callsProperty),
                Tables.column("Chats", "col-chats", 50, AgentRow::chatsProperty)));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> vm.selectedAgentProperty().set(is));
        return t;
    }

    /** Asks which queue the selected caller goes to, then moves them there. */
    private void chooseQueue() {
        WaitingRow row = vm.selectedCallerProperty().get();
        List<AcdQueueRow> targets = row == null ? List.of() : vm.moveTargets(row);
        if (targets.isEmpty()) {
            return;
        }
        List<QueueChoice> choices = targets.stream().map(QueueChoice::new).toList();
        ChoiceDialog<QueueChoice> choose = new ChoiceDialog<>(choices.get(0), choices);
        choose.setTitle("Move caller");
        choose.setHeaderText("Move " + row.callerProperty().get() + " to the end of another queue");
        choose.setContentText("Queue:");
        if (root.getScene() != null) {
            choose.initOwner(root.getScene().getWindow());
        }
        choose.getDialogPane().setId("acd-move-dialog");
        choose.showAndWait().ifPresent(q -> vm.move(row, q.row()));
    }

    /** A queue as the move dialog lists it. */
    private record QueueChoice(AcdQueueRow row) {
        @Override
        public String toString() {
            return row.nameProperty().get() + " (" + row.numberProperty().get() + ")";
        }
    }

    private void confirmLogOut() {
        AgentRow row = vm.selectedAgentProperty().get();
        if (row == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, vm.logOutQuestion(row), CONFIRM, ButtonType.CANCEL);
        confirm.setTitle("Log agent out");
        confirm.setHeaderText("Log out agent " + row.extensionProperty().get());
        if (root.getScene() != null) {
            confirm.initOwner(root.getScene().getWindow());
        }
        confirm.getDialogPane().setId("acd-log-out-confirm");
        confirm.showAndWait().filter(CONFIRM::equals).ifPresent(b -> vm.logOut(row));
    }
}
