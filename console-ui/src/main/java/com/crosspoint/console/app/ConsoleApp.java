package com.crosspoint.console.app;

import com.crosspoint.console.util.PreferencesLoginMemory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.time.Clock;

/** The JavaFX application; start it through {@link Launcher} on a plain classpath. */
public final class ConsoleApp extends Application {
    private Console console;

    @Override
    public void start(Stage stage) {
        ConsoleOptions options;
        try {
            options = ConsoleOptions.parse(getParameters().getRaw(), System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println("crosspoint-console: " + e.getMessage());
            System.err.println(Launcher.USAGE);
            Platform.exit();
            return;
        }
        console = new Console(options, PreferencesLoginMemory.forUser(), Clock.systemDefaultZone());
        console.start(stage);
    }

    @Override
    public void stop() {
        if (console != null) {
            console.close();
        }
    }
}
