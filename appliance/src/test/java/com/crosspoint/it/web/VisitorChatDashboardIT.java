package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.chat.ChatLine;
import com.crosspoint.chat.ChatParty;
import com.crosspoint.chat.ChatSnapshot;
import com.crosspoint.model.User;
import com.crosspoint.testing.ChatQueue;
import com.crosspoint.testing.TestAppliance;
import com.crosspoint.testing.web.Browser;
import com.crosspoint.testing.web.DashboardTestBase;
import com.crosspoint.testing.web.Dashboards;
import com.crosspoint.testing.web.Screenshots;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * Headless Chromium, two tabs: a visitor on the appliance's demo page, served from {@code 127.0.0.1} (another site
 * than the dashboard's {@code localhost}), opens the widget and chats with an agent signed in to the user
 * dashboard; messages flow both ways, the visitor's connection drops and comes back without losing or doubling a
 * line, markup in the visitor's name and text stays text, and the transcript is stored.
 */
class VisitorChatDashboardIT extends DashboardTestBase {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "alice-web-password";
    private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>Zoë";

    @BeforeAll
    static void start() {
        start(Map.of("chat.sites", TestAppliance.DOMAIN),
                pbx -> {
                    User alice = pbx.user("1001", "Alice Agent", "pw-alice-1001");
                    Dashboards.webPassword(pbx, alice, PASSWORD);
                    ChatQueue.create(pbx, "680", "support", false, alice);
                });
    }

    private SearchContext widget() {
        return browser.driver().findElement(By.id("crosspoint-chat")).getShadowRoot();
    }

    private WebElement inWidget(String css) {
        return await().atMost(WAIT).ignoreExceptions().until(() -> widget().findElement(By.cssSelector(css)), e -> e != null);
    }

    private List<String> visitorLog() {
        return widget().findElements(By.cssSelector("#cp-log li")).stream().map(WebElement::getText).toList();
    }

    private List<String> agentLog() {
        return browser.all(".chat-pane .chat-log .chat-text-body").stream().map(WebElement::getText).toList();
    }

    @Test
    void aVisitorOnAnotherSiteChatsWithAnAgentAndTheTranscriptIsStored() {
        web.loginUser("1001", PASSWORD);
        web.show("chats");
        browser.check("#chat-available", true);
        await().atMost(WAIT).until(() -> pbx.appliance().chats().available(userId()));
        String agentTab = browser.driver().getWindowHandle();

        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.trackWebSockets();
        String page = "http://127.0.0.1:" + pbx.appliance().httpPort() + "/chat/demo.html?tenant=" + TestAppliance.DOMAIN
                + "&queue=support";
        browser.open(page);
        String visitorTab = browser.driver().getWindowHandle();
        inWidget("#cp-open").click();
        inWidget("#cp-name").sendKeys(HOSTILE_NAME);
        inWidget("#cp-email").sendKeys("zoe@example.com");
        inWidget("#cp-start").click();
        await().atMost(WAIT).until(() -> inWidget("#cp-status").getText().startsWith("Waiting"));

        browser.driver().switchTo().window(agentTab);
        browser.awaitTextContains("#chat-offers", HOSTILE_NAME);
        assertThat(browser.all("#chat-offers img")).isEmpty();
        browser.click(".chat-accept");
        browser.awaitElement(".chat-pane[data-state='active']");

        browser.driver().switchTo().window(visitorTab);
        await().atMost(WAIT).until(() -> inWidget("#cp-status").getText().equals("Chatting with Alice Agent"));
        inWidget("#cp-text").sendKeys("Hello <b>there</b>, where is my parcel?");
        inWidget("#cp-send").click();
        Screenshots.save(browser, "web-chat-widget.png");

        browser.driver().switchTo().window(agentTab);
        await().atMost(WAIT).until(() -> agentLog().contains("Hello <b>there</b>, where is my parcel?"));
        assertThat(browser.all(".chat-log b")).isEmpty();
        browser.type(".chat-pane .chat-text", "It leaves today.");
        browser.click(".chat-pane .chat-send");
        Screenshots.save(browser, "web-chat-agent.png");

        browser.driver().switchTo().window(visitorTab);
        await().atMost(WAIT).until(() -> visitorLog().stream().anyMatch(l -> l.endsWith("It leaves today.")));

        // The visitor's connection drops; the agent writes meanwhile; the widget resumes on its own.
        browser.js("window.__sockets.at(-1).close()");
        browser.driver().switchTo().window(agentTab);
        browser.type(".chat-pane .chat-text", "Anything else?");
        browser.click(".chat-pane .chat-send");
        browser.driver().switchTo().window(visitorTab);
        await().atMost(WAIT).until(() -> visitorLog().stream().anyMatch(l -> l.endsWith("Anything else?")));
        inWidget("#cp-text").sendKeys("No, thanks!");
        inWidget("#cp-send").click();
        await().atMost(WAIT).until(() -> visitorLog().stream().anyMatch(l -> l.endsWith("No, thanks!")));
        assertThat(visitorLog().stream().filter(l -> l.endsWith("It leaves today.") || l.endsWith("Anything else?")))
                .hasSize(2);
        inWidget("#cp-end").click();
        await().atMost(WAIT).until(() -> inWidget("#cp-status").getText().equals("You ended the chat."));

        browser.driver().switchTo().window(agentTab);
        browser.awaitElement(".chat-pane[data-state='ended']");
        browser.awaitTextContains("#chat-history-table", HOSTILE_NAME);
        ChatSnapshot stored = pbx.appliance().stores().chats().list(pbx.tenant().id(), null, 0, 1).get(0);
        ChatSnapshot transcript = pbx.appliance().stores().chats().find(pbx.tenant().id(), stored.id()).orElseThrow();
        assertThat(transcript.visitor().name()).isEqualTo(HOSTILE_NAME);
        assertThat(transcript.endedBy()).isEqualTo(ChatParty.VISITOR);
        assertThat(transcript.lines()).extracting(ChatLine::text).containsExactly("Alice Agent joined the chat",
                "Hello <b>there</b>, where is my parcel?", "It leaves today.", "Anything else?", "No, thanks!");
        assertThat(browser.consoleMessages()).noneMatch(m -> m.contains("alert"));
    }

    private static long userId() {
        return pbx.appliance().directory().userByExtension(pbx.tenant().id(), "1001").orElseThrow().id();
    }
}
