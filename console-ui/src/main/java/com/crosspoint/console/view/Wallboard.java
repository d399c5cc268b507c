package com.crosspoint.console.view;

import com.crosspoint.console.viewmodel.AcdQueueRow;
import com.crosspoint.console.viewmodel.AcdViewModel;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The ACD wallboard: a full-screen window of large tiles, one per queue (waiting callers, longest wait, service
 * level as a gauge, agents), for a screen on the wall. Escape or a click closes it.
 */
final class Wallboard {
    private static final String DARK = "-fx-background-color: #1d2733;";
    private final AcdViewModel vm;
    private final FlowPane tiles = new FlowPane(24, 24);
    private Stage stage;

    Wallboard(AcdViewModel vm) {
        this.vm = vm;
        tiles.setId("wallboard-tiles");
        tiles.setPadding(new Insets(32));
        tiles.setStyle(DARK);
        vm.queues().addListener((ListChangeListener<AcdQueueRow>) c -> redraw());
        redraw();
    }

    boolean showing() {
        return stage != null && stage.isShowing();
    }

    void show(Window owner) {
        if (showing()) {
            stage.toFront();
            return;
        }
        Label title = new Label();
        title.textProperty().bind(Bindings.concat("Contact center — ", vm.tenantProperty().asString(), " — ",
                vm.stateProperty()));
        title.setStyle("-fx-text-fill: #9fb3c8; -fx-font-size: 22px;");
        BorderPane root = new BorderPane(tiles);
        root.setTop(title);
        BorderPane.setMargin(title, new Insets(16, 32, 0, 32));
        root.setStyle(DARK);
        root.setId("wallboard");
        Scene scene = new Scene(root, 1280, 720);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
            }
        });
        root.setOnMouseClicked(e -> close());
        stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("ACD wallboard");
        stage.setScene(scene);
        stage.setFullScreenExitHint(""); // no overlay: the wall shows only the tiles; Escape still closes
        stage.setFullScreen(true);
        // Escape leaves full screen first (JavaFX's own exit key): the wallboard is only for full screen
        stage.fullScreenProperty().addListener((o, was, is) -> {
            if (!is) {
                close();
            }
        });
        stage.show();
    }

    void close() {
        if (stage != null) {
            stage.close();
            stage = null;
        }
    }

    private void redraw() {
        tiles.getChildren().setAll(vm.queues().stream().map(Wallboard::tile).toList());
    }

    private static Node tile(AcdQueueRow q) {
        Label name = big("", 28);
        name.textProperty().bind(Bindings.concat(q.nameProperty(), " (", q.numberProperty(), ")"));
        Label waiting = big("", 64);
        waiting.setId("wallboard-waiting-" + q.queueId());
        waiting.textProperty().bind(Bindings.concat(q.waitingProperty(), " waiting"));
        Label longest = big("", 28);
        longest.textProperty().bind(Bindings.when(q.longestWaitProperty().isEmpty()).then("")
                .otherwise(Bindings.concat("longest ", q.longestWaitProperty())));
        ProgressIndicator gauge = new ProgressIndicator();
        gauge.progressProperty().bind(q.serviceLevelGaugeProperty());
        gauge.setPrefSize(120, 120);
        gauge.styleProperty().bind(Bindings.when(q.belowTargetProperty()).then("-fx-progress-color: #e74c3c;")
                .otherwise("-fx-progress-color: #2ecc71;"));
        Label level = big("", 20);
        level.textProperty().bind(Bindings.concat("service level ", q.serviceLevelProperty()));
        Label agents = big("", 20);
        agents.textProperty().bind(q.agentsProperty());
        VBox tile = new VBox(10, name, waiting, longest, gauge, level, agents);
        tile.setAlignment(Pos.CENTER);
        tile.setPadding(new Insets(24));
        tile.setPrefWidth(380);
        tile.setStyle("-fx-background-color: #263445; -fx-background-radius: 12;");
        return tile;
    }

    private static Label big(String text, int size) {
        Label l = new Label(text);
        l.setStyle("-fx-text-fill: white; -fx-font-size: " + size + "px;");
        return l;
    }
}
