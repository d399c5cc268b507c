package com.crosspoint.testing.web;

import com.crosspoint.testing.HarnessFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * When a browser test fails, keeps what the browser showed: the page's DOM, a screenshot and the console, in
 * {@code target/harness-logs/<time>-<seq>-web-<test>/}. Register with {@code @RegisterExtension}.
 */
public final class FailureDumps implements TestWatcher {
    private final Supplier<Browser> browser;

    public FailureDumps(Supplier<Browser> browser) {
        this.browser = browser;
    }

    /** For a test class that keeps its {@link Dashboards} (not started yet when this is created). */
    public static FailureDumps of(Supplier<Dashboards> web) {
        return new FailureDumps(() -> web.get() == null ? null : web.get().browser());
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Browser b = browser.get();
        if (b == null) {
            return;
        }
        Path dir = HarnessFiles.logDir("web-" + context.getRequiredTestMethod().getName());
        try {
            Files.writeString(dir.resolve("url.txt"), b.currentUrl() + "\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("page.html"), b.driver().getPageSource(), StandardCharsets.UTF_8);
            Files.write(dir.resolve("page.png"), b.screenshot());
            Files.write(dir.resolve("console.txt"), b.consoleMessages(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            System.err.println("could not keep the browser state of " + context.getDisplayName() + ": " + e);
        }
    }
}
