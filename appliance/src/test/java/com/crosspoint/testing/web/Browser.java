package com.crosspoint.testing.web;

import static org.awaitility.Awaitility.await;

import com.crosspoint.testing.HarnessFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by Selenium, using Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}
 * (set explicitly, so Selenium Manager never downloads anything). One instance per test class is the norm; its
 * profile lives in a temp directory that is removed on {@link #close()}. Tests that need the binaries are skipped
 * when they are missing, like the rest of the harness does for baresip.
 */
public final class Browser implements AutoCloseable {
    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser start() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(CHROMIUM)), CHROMIUM + " is not installed");
        Assumptions.assumeTrue(Files.isExecutable(Path.of(CHROMEDRIVER)), CHROMEDRIVER + " is not installed");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        Path profile = HarnessFiles.tempDir("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .withLogFile(HarnessFiles.logDir("chromedriver").resolve("chromedriver.log").toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public void reload() {
        driver.navigate().refresh();
    }

    /** Sets the outer window size. */
    public void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Sizes the window so that the page's viewport is width × height CSS pixels (e.g. a phone's 390 × 844). */
    public void viewport(int width, int height) {
        size(width, height);
        List<?> inner = (List<?>) js("return [window.innerWidth, window.innerHeight];");
        int dw = width - ((Number) inner.get(0)).intValue();
        int dh = height - ((Number) inner.get(1)).intValue();
        if (dw != 0 || dh != 0) {
            size(width + dw, height + dh);
        }
    }

    /**
     * From the next page load on, keeps every WebSocket the page opens in {@code window.__sockets}, so a test can
     * drop one ({@code window.__sockets.at(-1).close()}) as a lost connection would. Injected through DevTools,
     * not by the page. Returns an id for {@link #stopTrackingWebSockets}.
     */
    public String trackWebSockets() {
        Map<String, Object> answer = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                (() => {
                  const Native = window.WebSocket;
                  window.__sockets = [];
                  window.WebSocket = class extends Native {
                    constructor(...args) { super(...args); window.__sockets.push(this); }
                  };
                })();
                """));
        return answer.get("identifier").toString();
    }

    public void stopTrackingWebSockets(String id) {
        driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
    }

    /** Emulates a lost (true) or restored (false) network for new connections of the page. */
    public void offline(boolean offline) {
        driver.setNetworkConditions(new org.openqa.selenium.chromium.ChromiumNetworkConditions().setOffline(offline)
                .setLatency(Duration.ZERO));
    }

    /** Ends the session on the client side: every cookie of every site goes. */
    public void forgetCookies() {
        driver.manage().deleteAllCookies();
    }

    /** The element, once it is present in the page. */
    public WebElement find(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** The element, once it is visible. */
    public WebElement visible(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean isDisplayed(String css) {
        for (int attempt = 0; ; attempt++) {
            try {
                List<WebElement> found = driver.findElements(By.cssSelector(css));
                return !found.isEmpty() && found.get(0).isDisplayed();
            } catch (StaleElementReferenceException e) {
                if (attempt == 4) {
                    throw e;
                }
            }
        }
    }

    /** Clicks once the element is visible and enabled. */
    public void click(String css) {
        for (int attempt = 0; ; attempt++) {
            try {
                new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
                return;
            } catch (StaleElementReferenceException e) {
                if (attempt == 4) {
                    throw e; // re-rendered five times in a row: something is wrong with the page
                }
            }
        }
    }

    /** Replaces the value of a visible input. */
    public void type(String css, String text) {
        WebElement input = visible(css);
        input.clear();
        input.sendKeys(text);
    }

    public void check(String css, boolean checked) {
        WebElement box = visible(css);
        if (box.isSelected() != checked) {
            box.click();
        }
    }

    /**
     * The visible text of an element ("" when it is hidden). Live tables are re-rendered as events arrive, so
     * an element found a moment ago may be gone: then the selector is looked up again.
     */
    public String text(String css) {
        return fresh(css, e -> e.getText());
    }

    /** An attribute of the element, looked up again if the page re-rendered it meanwhile. */
    public String attribute(String css, String name) {
        return fresh(css, e -> e.getAttribute(name));
    }

    private <T> T fresh(String css, java.util.function.Function<WebElement, T> read) {
        StaleElementReferenceException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return read.apply(find(css));
            } catch (StaleElementReferenceException e) {
                last = e;
            }
        }
        throw last;
    }

    /** The text of an element, read through the DOM (also when it is hidden). */
    public String textContent(String css) {
        Object value = js("var e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css);
        return value == null ? null : value.toString();
    }

    /** Waits until the element's visible text equals the expected one. */
    public void awaitText(String css, String expected) {
        await().atMost(WAIT).ignoreExceptions().until(() -> expected.equals(find(css).getText().trim()));
    }

    /** Waits until the element's visible text contains the expected part. */
    public void awaitTextContains(String css, String part) {
        await().atMost(WAIT).ignoreExceptions().until(() -> find(css).getText().contains(part));
    }

    /** Waits until an element matching the selector exists. */
    public WebElement awaitElement(String css) {
        await().atMost(WAIT).until(() -> !all(css).isEmpty());
        return find(css);
    }

    public void awaitGone(String css) {
        await().atMost(WAIT).ignoreException(StaleElementReferenceException.class)
                .until(() -> all(css).isEmpty());
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs an async script; the script calls {@code arguments[arguments.length - 1]} with its result. */
    public Object asyncJs(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /**
     * A same-origin fetch from the page (with the session cookie, as the page's own code would send it).
     *
     * @param headers extra request headers, e.g. {@code X-CSRF-Token}
     * @return {@code status} (number) and {@code body} (text)
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> fetch(String method, String path, String jsonBody, Map<String, String> headers) {
        return (Map<String, Object>) asyncJs("""
                const [method, path, body, headers, done] = arguments;
                const h = Object.assign({'Accept': 'application/json'}, headers || {});
                if (body !== null) h['Content-Type'] = 'application/json';
                fetch(path, {method, headers: h, body: body === null ? undefined : body, credentials: 'same-origin'})
                  .then(async r => done({status: r.status, body: await r.text()}))
                  .catch(e => done({status: -1, body: String(e)}));
                """, method, path, jsonBody, headers == null ? Map.of() : headers);
    }

    public int fetchStatus(String method, String path, String jsonBody, Map<String, String> headers) {
        return ((Number) fetch(method, path, jsonBody, headers).get("status")).intValue();
    }

    /** Ids (or names) of form controls in the page without a label element pointing at them. */
    @SuppressWarnings("unchecked")
    public List<String> unlabelledControls() {
        return (List<String>) js("""
                return Array.from(document.querySelectorAll('input, select, textarea'))
                  .filter(c => c.type !== 'hidden' && !c.hidden && (!c.labels || c.labels.length === 0))
                  .map(c => c.id || c.name || c.outerHTML);
                """);
    }

    /** Accepts the confirm() dialog that the last click opened. */
    public void acceptConfirm() {
        Alert alert = new WebDriverWait(driver, WAIT).until(ExpectedConditions.alertIsPresent());
        alert.accept();
    }

    /** Dismisses (cancels) the confirm() dialog that the last click opened. */
    public void dismissConfirm() {
        Alert alert = new WebDriverWait(driver, WAIT).until(ExpectedConditions.alertIsPresent());
        alert.dismiss();
    }

    /** Browser console messages since the last call (errors, CSP violations, ...). */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }

    /** PNG of the viewport. */
    public byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    public boolean exists(String css) {
        try {
            driver.findElement(By.cssSelector(css));
            return true;
        } catch (NoSuchElementException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteRecursively(profile);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (Boolean.getBoolean(HarnessFiles.KEEP_TEMP_PROPERTY) || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Chromium may still be writing a cache file while it exits; the OS temp cleaner gets it.
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
