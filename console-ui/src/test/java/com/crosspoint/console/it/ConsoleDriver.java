package com.crosspoint.console.it;

import com.crosspoint.console.app.Console;
import com.crosspoint.console.app.ConsoleOptions;
import com.crosspoint.console.view.WindowSnapshot;
import com.crosspoint.console.viewmodel.ConsoleViewModel;
import com.crosspoint.console.viewmodel.InMemoryLoginMemory;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.awaitility.Awaitility.await;

/** Drives the real console the way an operator does: log in through the window, read what the screen shows. */
final class ConsoleDriver {
    static final String SCREENSHOTS = "crosspoint.screenshots";

    private final Console console;

    private ConsoleDriver(Console console) {
        this.console = console;
    }

    /** Call from the test's {@code @Start}: shows the login window, pre-filled with address and user. */
    static ConsoleDriver start(Stage stage, String url, String user) {
        return start(stage, new ConsoleOptions(url, user, null, false));
    }

    static ConsoleDriver start(Stage stage, ConsoleOptions options) {
        Console c = new Console(options, new InMemoryLoginMemory(), Clock.systemDefaultZone());
        c.start(stage);
        return new ConsoleDriver(c);
    }

    ConsoleViewModel vm() {
        return console.viewModel();
    }

    /** Types the password, presses Log in, waits for the first snapshot on screen. */
    void login(FxRobot robot, String password) {
        robot.clickOn("#login-password").write(password);
        robot.clickOn("#login-submit");
        await().atMost(Duration.ofSeconds(15)).until(() -> console.viewModel() != null && console.viewModel().firstSnapshot().isDone());
        WaitForAsyncUtils.waitForFxEvents();
    }

    void close() {
        console.close();
    }

    /** The texts shown in one column of a table, top to bottom, for rows that hold an item. */
    static List<String> cells(FxRobot robot, String tableId, String columnId) {
        return onFx(() -> robot.lookup("#" + tableId + " .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId()))
                .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() != null && c.getText() != null)
                .sorted(java.util.Comparator.comparingInt(c -> c.getTableRow().getIndex()))
                .map(c -> (String) c.getText()).toList());
    }

    static String label(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    static String statusText(FxRobot robot) {
        return onFx(() -> robot.lookup("#status-bar").queryAs(org.controlsfx.control.StatusBar.class).getText());
    }

    /** With {@code -Dcrosspoint.screenshots=DIR}: the main window as PNG, through Scene.snapshot. */
    void screenshot(FxRobot robot, String name) {
        String dir = System.getProperty(SCREENSHOTS);
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path file = Path.of(dir).resolve(name);
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            try {
                WindowSnapshot.write(console.mainScene(), file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        });
    }

    static <T> T onFx(Callable<T> task) {
        try {
            return WaitForAsyncUtils.asyncFx(task).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("FX task failed", e);
        }
    }
}
