package com.crosspoint.console.view;

import com.crosspoint.console.viewmodel.Alarm;
import com.crosspoint.console.viewmodel.ConnectionState;
import com.crosspoint.console.viewmodel.ConsoleViewModel;
import com.crosspoint.console.viewmodel.StatusViewModel;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.StatusBar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window: a tab per screen (live calls, registrations, carrier quality, ACD) above a status
 * bar with the connection state and the counters; alarms pop up as notifications.
 */
public final class MainView {
    private static final Logger LOG = LoggerFactory.getLogger(MainView.class);

    private final ConsoleViewModel vm;
    private final LiveCallsView liveCalls;
    private final RegistrationsView registrations;
    private final CarrierQualityView carriers;
    private final AcdView acd;
    private final TabPane tabs = new TabPane();
    private Stage stage;

    public MainView(ConsoleViewModel vm) {
        this.vm = vm;
        this.liveCalls = new LiveCallsView(vm.liveCalls());
        this.registrations = new RegistrationsView(vm.registrations());
        this.carriers = new CarrierQualityView(vm.carriers());
        this.acd = new AcdView(vm.acd());
    }

    public Scene show(Stage stage) {
        this.stage = stage;
        Tab live = new Tab("Live calls", liveCalls.node());
        live.setId("tab-live-calls");
        Tab regs = new Tab("Registrations", registrations.node());
        regs.setId("tab-registrations");
        Tab carrierTab = new Tab("Carrier quality", carriers.node());
        carrierTab.setId("tab-carriers");
        Tab acdTab = new Tab("ACD", acd.node());
        acdTab.setId("tab-acd");
        tabs.getTabs().addAll(live, regs, carrierTab, acdTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");

        BorderPane root = new BorderPane(tabs);
        root.setBottom(statusBar(vm.status()));
        Scene scene = new Scene(root, 960, 560);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), this::focusFilter);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN),
                () -> tabs.getSelectionModel().select(live));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN),
                () -> tabs.getSelectionModel().select(regs));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN),
                () -> tabs.getSelectionModel().select(carrierTab));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN),
                () -> tabs.getSelectionModel().select(acdTab));
        vm.status().alarms().addListener((ListChangeListener<Alarm>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::notify);
            }
        });
        stage.setTitle(vm.title());
        stage.setScene(scene);
        stage.show();
        return scene;
    }

    private void focusFilter() {
        int tab = tabs.getSelectionModel().getSelectedIndex();
        if (tab <= 1) { // the carrier tab has no filter: a handful of carriers
            (tab == 1 ? registrations.filterField() : liveCalls.filterField()).requestFocus();
        }
    }

    private StatusBar statusBar(StatusViewModel status) {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(status.connectionProperty());
        status.stateProperty().addListener((o, was, is) -> style(bar, is));
        style(bar, status.stateProperty().get());
        bar.getRightItems().addAll(
                counter("status-devices", "Registered devices: ", status.registeredDevicesProperty()),
                new Separator(javafx.geometry.Orientation.VERTICAL),
                counter("status-calls-now", "Calls now: ", status.callsNowProperty()),
                new Separator(javafx.geometry.Orientation.VERTICAL),
                counter("status-calls-today", "Calls today: ", status.callsTodayProperty()));
        return bar;
    }

    private static void style(StatusBar bar, ConnectionState state) {
        bar.setStyle(state == ConnectionState.DISCONNECTED ? "-fx-background-color: #f8d7da;" : "");
    }

    private static Label counter(String id, String caption, javafx.beans.value.ObservableStringValue value) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(javafx.beans.binding.Bindings.concat(caption, value));
        return l;
    }

    private void notify(Alarm alarm) {
        try {
            Notifications n = Notifications.create().title(alarm.title()).text(alarm.text()).owner(stage);
            if (alarm.severity() == Alarm.Severity.WARNING) {
                n.showWarning();
            } else {
                n.showInformation();
            }
        } catch (RuntimeException e) {
            // A notification is a convenience; the status bar already shows the state.
            LOG.warn("could not show the notification '{}': {}", alarm.title(), e.toString());
        }
    }
}
