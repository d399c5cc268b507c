package com.crosspoint.testing.web;

import static org.awaitility.Awaitility.await;

import com.crosspoint.auth.PasswordHasher;
import com.crosspoint.model.User;
import com.crosspoint.testing.TestAppliance;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The web dashboards as a person uses them: the login page, and the ids of the faces contract
 * (docs/faces-contract.md section 4). The appliance is addressed as {@code http://localhost:PORT}, so a page
 * served from {@code 127.0.0.1} is another site.
 */
public final class Dashboards implements AutoCloseable {
    /** The admin account every test appliance has (TestAppliance's config). */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-secret";

    private final TestAppliance pbx;
    private final Browser browser;

    /**
     * Starts a web test class: the appliance, its users ({@code provision}), then the browser. Close it in
     * {@code @AfterAll}.
     */
    public static Dashboards start(Consumer<TestAppliance> provision) {
        return start(Map.of(), provision);
    }

    /** As {@link #start(Consumer)}, on an appliance with these configuration overrides (e.g. {@code trunk.*}). */
    public static Dashboards start(Map<String, String> overrides, Consumer<TestAppliance> provision) {
        TestAppliance pbx = TestAppliance.start(overrides);
        try {
            provision.accept(pbx);
            return new Dashboards(pbx, Browser.start());
        } catch (RuntimeException | Error e) {
            pbx.close();
            throw e;
        }
    }

    public TestAppliance pbx() {
        return pbx;
    }

    public Browser browser() {
        return browser;
    }

    /** Ends a web test class: the browser first (it holds connections to the appliance), then the appliance. */
    @Override
    public void close() {
        closeAll(browser, pbx);
    }

    /** Ends a web test class: the browser first (it holds connections to the appliance), then the appliance. */
    public static void closeAll(Browser browser, TestAppliance pbx) {
        if (browser != null) {
            browser.close();
        }
        if (pbx != null) {
            pbx.close();
        }
    }

    public Dashboards(TestAppliance pbx, Browser browser) {
        this.pbx = pbx;
        this.browser = browser;
    }

    /** {@code http://localhost:PORT} */
    public static String base(TestAppliance pbx) {
        return "http://localhost:" + pbx.appliance().httpPort();
    }

    public String base() {
        return base(pbx);
    }

    /** Gives a user a web password (what an admin does with {@code webPassword}). */
    public static void webPassword(TestAppliance pbx, User user, String password) {
        pbx.appliance().stores().users().setWebPasswordHash(user.id(), PasswordHasher.hash(password));
    }

    /** Opens the login page with no session (every cookie forgotten). */
    public void openLogin() {
        browser.open(base() + "/");
        browser.forgetCookies();
        browser.open(base() + "/");
        browser.visible("#login-submit");
    }

    /** Logs an end user in through the login page (with the test tenant's domain) and waits for the user dashboard. */
    public void loginUser(String extension, String password) {
        loginUser(extension, password, TestAppliance.DOMAIN);
    }

    /** @param domain typed into the optional domain field; null leaves it empty (the node's default tenant) */
    public void loginUser(String extension, String password, String domain) {
        openLogin();
        browser.click("#login-kind-user");
        browser.type("#login-extension", extension);
        browser.type("#login-password", password);
        if (domain != null) {
            browser.type("#login-domain", domain);
        }
        browser.click("#login-submit");
        awaitDashboard("/user/");
    }

    /** Logs the test appliance's admin in and shows one view of the admin dashboard (e.g. {@code menus}). */
    public void adminView(String view) {
        loginAdmin(ADMIN, ADMIN_PASSWORD);
        show(view);
    }

    /** Logs an admin account in through the login page and waits for the admin dashboard. */
    public void loginAdmin(String username, String password) {
        openLogin();
        browser.click("#login-kind-admin");
        browser.type("#login-username", username);
        browser.type("#login-password", password);
        browser.click("#login-submit");
        awaitDashboard("/admin/");
    }

    /** Waits until the dashboard at path has loaded its session (#whoami filled) and its event stream is live. */
    public void awaitDashboard(String path) {
        await().atMost(Browser.WAIT).until(() -> browser.currentUrl().startsWith(base() + path));
        await().atMost(Browser.WAIT).ignoreExceptions().until(() -> !browser.text("#whoami").isBlank());
        awaitLive();
    }

    public void awaitLive() {
        browser.awaitText("#connection", "live");
    }

    /** The session's CSRF token, as the page itself gets it back after a reload. */
    public String csrfToken() {
        Object token = browser.asyncJs("""
                const done = arguments[arguments.length - 1];
                fetch('/api/v1/web/session', {credentials: 'same-origin'})
                  .then(r => r.json()).then(s => done(s.csrfToken)).catch(e => done(null));
                """);
        return token == null ? null : token.toString();
    }

    /** Clicks a nav button (e.g. {@code nav-messages}) and waits for its section to show. */
    public void show(String view) {
        browser.click("#nav-" + view);
        browser.visible("#view-" + view);
    }
}
