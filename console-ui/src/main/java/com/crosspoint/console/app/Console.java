package com.crosspoint.console.app;

import com.crosspoint.console.client.ConsoleApi;
import com.crosspoint.console.client.HttpConsoleApi;
import com.crosspoint.console.util.ExecutorScheduler;
import com.crosspoint.console.util.FxThread;
import com.crosspoint.console.view.LoginView;
import com.crosspoint.console.view.MainView;
import com.crosspoint.console.view.WindowSnapshot;
import com.crosspoint.console.viewmodel.ConsoleSession;
import com.crosspoint.console.viewmodel.ConsoleViewModel;
import com.crosspoint.console.viewmodel.LoginMemory;
import com.crosspoint.console.viewmodel.LoginViewModel;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.function.Function;

/**
 * The composition root: the only place that wires client, view-models and views. Shows the login
 * window, then the main window in the given stage, and drives the 1 s ticker.
 */
public final class Console implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Console.class);

    private final ConsoleOptions options;
    private final LoginMemory memory;
    private final Clock clock;
    private final Function<URI, ConsoleApi> apis;
    private final ExecutorScheduler scheduler = new ExecutorScheduler(FxThread.executor());
    private final Timeline ticker = new Timeline();
    private ConsoleViewModel console;
    private Scene mainScene;

    public Console(ConsoleOptions options, LoginMemory memory, Clock clock) {
        this(options, memory, clock, HttpConsoleApi::create);
    }

    Console(ConsoleOptions options, LoginMemory memory, Clock clock, Function<URI, ConsoleApi> apis) {
        this.options = options;
        this.memory = memory;
        this.clock = clock;
        this.apis = apis;
    }

    /** Call on the FX thread. */
    public void start(Stage mainStage) {
        LoginViewModel login = new LoginViewModel(memory, apis, FxThread.executor(), options.url(), options.user());
        new LoginView(login, session -> showMain(session, mainStage)).show(new Stage());
    }

    /** The main window's view-model once logged in, else null (for tests). */
    public ConsoleViewModel viewModel() {
        return console;
    }

    /** The main window's scene once logged in, else null. */
    public Scene mainScene() {
        return mainScene;
    }

    private void showMain(ConsoleSession session, Stage stage) {
        console = new ConsoleViewModel(session, FxThread.executor(), scheduler, clock);
        mainScene = new MainView(console).show(stage);
        ticker.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1), e -> console.tick(clock.instant())));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        if (options.snapshot() != null) {
            console.firstSnapshot().thenRun(() -> FxThread.run(this::writeSnapshot));
        }
        console.start();
    }

    private void writeSnapshot() {
        try {
            WindowSnapshot.write(mainScene, options.snapshot());
            LOG.info("wrote {}", options.snapshot().toAbsolutePath());
        } catch (IOException e) {
            LOG.error("could not write the snapshot {}: {}", options.snapshot(), e.toString());
        }
        if (options.exitAfterSnapshot()) {
            Platform.exit();
        }
    }

    @Override
    public void close() {
        ticker.stop();
        if (console != null) {
            console.stop();
        }
        scheduler.close();
    }
}
