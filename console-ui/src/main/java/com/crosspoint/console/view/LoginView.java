package com.crosspoint.console.view;

import com.crosspoint.console.viewmodel.ConsoleSession;
import com.crosspoint.console.viewmodel.LoginViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.util.function.Consumer;

/** The login window: address, username, password; errors stay in the window. */
public final class LoginView {
    private final LoginViewModel vm;
    private final Consumer<ConsoleSession> onLogin;

    public LoginView(LoginViewModel vm, Consumer<ConsoleSession> onLogin) {
        this.vm = vm;
        this.onLogin = onLogin;
    }

    public void show(Stage stage) {
        TextField url = new TextField();
        url.setId("login-url");
        url.setPromptText(LoginViewModel.DEFAULT_URL);
        url.textProperty().bindBidirectional(vm.urlProperty());
        TextField user = new TextField();
        user.setId("login-username");
        user.textProperty().bindBidirectional(vm.usernameProperty());
        PasswordField password = new PasswordField();
        password.setId("login-password");
        password.textProperty().bindBidirectional(vm.passwordProperty());

        Label error = new Label();
        error.setId("login-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #b00020;");
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        // Its full height, wrapped: never squeezed so that the buttons below are cut (issue 10).
        error.setMinHeight(Region.USE_PREF_SIZE);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        Button login = new Button("Log in");
        login.setId("login-submit");
        login.setDefaultButton(true);
        login.disableProperty().bind(vm.canLoginProperty().not());
        Button cancel = new Button("Quit");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        login.setOnAction(e -> vm.login().thenAccept(session -> {
            // Main window first: closing the last open window would end the application.
            onLogin.accept(session);
            stage.close();
        }));

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(260));
        form.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);
        form.addRow(0, label("_Appliance URL", url), url);
        form.addRow(1, label("_Username", user), user);
        form.addRow(2, label("_Password", password), password);
        HBox buttons = new HBox(8, busy, login, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setMinHeight(Region.USE_PREF_SIZE);
        VBox root = new VBox(12, form, error, buttons);
        root.setPadding(new Insets(16));
        root.setPrefWidth(420);

        stage.setTitle("Crosspoint console — log in");
        stage.setScene(new Scene(root));
        // The window grows (and shrinks back) with the error, so the buttons below it stay whole.
        error.textProperty().addListener((o, was, is) -> stage.sizeToScene());
        stage.show();
        if (url.getText().isBlank()) {
            url.requestFocus();
        } else if (user.getText().isBlank()) {
            user.requestFocus();
        } else {
            password.requestFocus();
        }
    }

    private static Label label(String text, javafx.scene.Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        return l;
    }
}
