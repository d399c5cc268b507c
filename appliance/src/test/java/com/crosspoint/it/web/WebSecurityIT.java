package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.model.InstantMessage;
import com.crosspoint.model.User;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.web.DashboardTestBase;
import com.crosspoint.testing.web.Dashboards;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboards against hostile input and hostile sites: markup in names and messages stays text, a user
 * reaches nobody else's data, and a state-changing request needs the session's CSRF token.
 */
class WebSecurityIT extends DashboardTestBase {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String EVIL_NAME = "<img src=x onerror=\"window.__xss=1\">";
    private static final String EVIL_MESSAGE = "<script>window.__xss=2</script><img src=x onerror=\"window.__xss=3\">";
    private static final String ALICE_WEB_PASSWORD = "alice-web-password";

    private static User bob;

    @BeforeAll
    static void start() {
        start(pbx -> {
            User alice = pbx.user("1001", "Alice", "pw-alice-1001");
            bob = pbx.user("1002", "Bob", "pw-bob-1002");
            pbx.user("1005", EVIL_NAME, "pw-evil-1005");
            Dashboards.webPassword(pbx, alice, ALICE_WEB_PASSWORD);
        });
    }

    @Test
    void markupInADisplayNameAndInAMessageFromAPhoneIsShownAsTextInBothDashboards() {
        try (BaresipPhone evil = BaresipPhone.builder(pbx.uri("1005")).password("pw-evil-1005")
                .contact(pbx.uri("1001")).start()) {
            evil.awaitRegistered(WAIT);
            web.loginUser("1001", ALICE_WEB_PASSWORD);
            web.show("messages");
            evil.sendMessage(pbx.uri("1001"), EVIL_MESSAGE);

            String item = "#conversations li[data-peer='1005']";
            browser.awaitElement(item);
            browser.awaitText(item + " .unread-count", "1");
            assertThat(browser.textContent(item + " .conversation-name")).isEqualTo(EVIL_NAME);
            browser.click(item);
            browser.awaitText("#message-thread li.message .message-body", EVIL_MESSAGE);
            assertThat(browser.text("#message-thread li.message .message-from")).isEqualTo(EVIL_NAME);
            assertThat(browser.text("#thread-title")).contains(EVIL_NAME);
            assertNoInjectedElements("#conversations", "#message-thread", "#thread-title", "#directory");

            web.adminView("users");
            String row = "#users-table tr[data-extension='1005']";
            browser.awaitTextContains(row, EVIL_NAME);
            web.show("live");
            browser.awaitTextContains("#live-registrations-table tr[data-extension='1005']", EVIL_NAME);
            web.show("devices");
            browser.awaitTextContains("#devices-table", EVIL_NAME);
            assertNoInjectedElements("#users-table", "#live-registrations-table", "#devices-table", "#device-user");
        }
        List<String> csp = browser.consoleMessages().stream().filter(m -> m.contains("Content Security Policy")).toList();
        assertThat(csp).as("CSP violations").isEmpty();
    }

    @Test
    void aUserCannotReadAnotherUsersCallsOrAccount() {
        web.loginUser("1001", ALICE_WEB_PASSWORD);
        long tenant = pbx.tenant().id();
        assertThat(browser.fetchStatus("GET", "/api/v1/me/calls", null, null)).isEqualTo(200);
        assertThat(browser.fetchStatus("GET", "/api/v1/tenants/" + tenant + "/cdrs?party=1002", null, null))
                .isEqualTo(403);
        assertThat(browser.fetchStatus("GET", "/api/v1/tenants/" + tenant + "/users/" + bob.id(), null, null))
                .isEqualTo(403);
        assertThat(browser.fetchStatus("GET", "/api/v1/tenants/" + tenant + "/messages?extension=1002", null, null))
                .isEqualTo(403);
    }

    @Test
    void aCrossSitePostIsRefusedAndThePageOwnPostsNeedTheCsrfToken() throws Exception {
        web.loginUser("1001", ALICE_WEB_PASSWORD);
        String target = web.base() + "/api/v1/me/messages";

        // Another site (127.0.0.1 is not localhost) posts a JSON-looking text/plain form at the appliance.
        AtomicInteger served = new AtomicInteger();
        HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        attacker.createContext("/attack.html", exchange -> {
            served.incrementAndGet();
            byte[] page = ("""
                    <!doctype html><html><body>
                    <form id="f" method="POST" action="%s" enctype="text/plain">
                    <input type="hidden" name='{"to":"1002","body":"forged' value='"}'>
                    </form>
                    <script>document.getElementById('f').submit();</script>
                    </body></html>""").formatted(target).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        attacker.start();
        try {
            browser.open("http://127.0.0.1:" + attacker.getAddress().getPort() + "/attack.html");
            await().atMost(WAIT).until(() -> browser.currentUrl().startsWith(target));
            assertThat(served.get()).isEqualTo(1);
            assertThat(browser.driver().getPageSource()).contains("error");
        } finally {
            attacker.stop(0);
        }
        assertThat(messagesFromAlice()).as("nothing stored by the forged POST").isEmpty();

        // The logged-in page itself: without the token 403, with a wrong one 403, with the session's 201.
        browser.open(web.base() + "/user/");
        web.awaitDashboard("/user/");
        String body = "{\"to\":\"1002\",\"body\":\"sent by the page\"}";
        assertThat(browser.fetchStatus("POST", "/api/v1/me/messages", body, null)).isEqualTo(403);
        assertThat(browser.fetchStatus("POST", "/api/v1/me/messages", body, Map.of("X-CSRF-Token", "not-the-token")))
                .isEqualTo(403);
        assertThat(messagesFromAlice()).isEmpty();
        String token = web.csrfToken();
        assertThat(token).isNotBlank();
        assertThat(browser.fetchStatus("POST", "/api/v1/me/messages", body, Map.of("X-CSRF-Token", token)))
                .isEqualTo(201);
        assertThat(messagesFromAlice()).extracting(InstantMessage::body).containsExactly("sent by the page");
    }

    @Test
    void pagesAreServedWithAStrictContentSecurityPolicy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/", "/user/", "/admin/", "/assets/js/api.js", "/assets/css/crosspoint.css")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(web.base() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("script-src 'self'").contains("style-src 'self'"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        }
    }

    private void assertNoInjectedElements(String... areas) {
        for (String area : areas) {
            Number injected = (Number) browser.js(
                    "return document.querySelectorAll(arguments[0] + ' img, ' + arguments[0] + ' script').length;", area);
            assertThat(injected.intValue()).as("img/script elements inside " + area).isZero();
        }
        // Give a would-be onerror handler time to run before looking for its trace.
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(browser.js("return typeof window.__xss;")).isEqualTo("undefined");
    }

    private static List<InstantMessage> messagesFromAlice() {
        return pbx.appliance().messages().history(pbx.tenant().id(), "1001", "1002", 0, 10).stream()
                .filter(m -> "1001".equals(m.fromExtension())).toList();
    }
}
