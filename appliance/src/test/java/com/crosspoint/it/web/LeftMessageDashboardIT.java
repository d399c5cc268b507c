package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.chat.LeftMessage;
import com.crosspoint.model.User;
import com.crosspoint.testing.ChatQueue;
import com.crosspoint.testing.TestAppliance;
import com.crosspoint.testing.web.DashboardTestBase;
import com.crosspoint.testing.web.Dashboards;
import com.crosspoint.testing.web.Screenshots;
import com.crosspoint.testing.web.WidgetSite;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * In headless Chromium: a visitor on a page of another origin starts a chat in queue "support", whose only agent
 * (1001) is logged out; the widget turns into a leave-a-message form, the message goes in; the agent sees it in the
 * dashboard's agent view as text (the visitor's markup stays text) and marks it handled.
 */
class LeftMessageDashboardIT extends DashboardTestBase {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "alice-web-password";
    private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>Zoë";
    private static final String HOSTILE_TEXT = "<b>Call</b> me <script>alert('x')</script> back";
    private static WidgetSite shop;

    @BeforeAll
    static void start() throws IOException {
        shop = WidgetSite.start(() -> pbx.appliance().httpPort(), TestAppliance.DOMAIN);
        start(Map.of("chat.sites", TestAppliance.DOMAIN + "=" + shop.origin()), pbx -> {
            User alice = pbx.user("1001", "Alice Agent", "pw-alice-1001");
            Dashboards.webPassword(pbx, alice, PASSWORD);
            ChatQueue.create(pbx, "680", "support", false, alice);
        });
    }

    @AfterAll
    static void stopShop() {
        if (shop != null) {
            shop.close();
        }
    }

    private WebElement inWidget(String css) {
        return await().atMost(WAIT).ignoreExceptions().until(() -> browser.driver().findElement(By.id("crosspoint-chat"))
                .getShadowRoot().findElement(By.cssSelector(css)), e -> e != null);
    }

    /** One script call reads the widget's state: element-by-element reads can go stale while it re-renders. */
    private String widgetText(String id) {
        return (String) browser.js("const e = document.getElementById('crosspoint-chat').shadowRoot"
                + ".getElementById(arguments[0]); return e && !e.closest('[hidden]') ? e.textContent : null;", id);
    }

    private List<LeftMessage> stored() {
        return pbx.appliance().stores().leftMessages().list(pbx.tenant().id(), null, false, 100);
    }

    @Test
    void aVisitorLeavesAMessageWhenNobodyAnswersAndTheAgentSeesItAsTextAndMarksItHandled() {
        browser.open(shop.page());
        inWidget("#cp-open").click();
        inWidget("#cp-name").sendKeys(HOSTILE_NAME);
        inWidget("#cp-email").sendKeys("zoe@example.com");
        inWidget("#cp-start").click();

        await().atMost(WAIT).until(() -> widgetText("cp-leave-intro") != null);
        assertThat(widgetText("cp-text")).as("no chat box").isNull();
        inWidget("#cp-leave").click();
        await().atMost(WAIT).until(() -> "Please write your message.".equals(widgetText("cp-error")));
        assertThat(stored()).isEmpty();
        inWidget("#cp-leave-text").sendKeys(HOSTILE_TEXT);
        inWidget("#cp-leave").click();
        await().atMost(WAIT).until(() -> String.valueOf(widgetText("cp-status")).startsWith("Thank you"));
        Screenshots.save(browser, "web-chat-left-message.png");
        assertThat(stored()).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo(HOSTILE_TEXT);
            assertThat(m.name()).isEqualTo(HOSTILE_NAME);
            assertThat(m.email()).isEqualTo("zoe@example.com");
            assertThat(m.queue()).isEqualTo("680");
        });

        browser.driver().switchTo().newWindow(WindowType.TAB);
        web.loginUser("1001", PASSWORD);
        web.show("agent");
        browser.awaitTextContains("#agent-left-table", HOSTILE_TEXT);
        assertThat(browser.text("#agent-left-table .left-from")).isEqualTo(HOSTILE_NAME + " <zoe@example.com>");
        assertThat(browser.all("#agent-left-table b")).isEmpty();
        assertThat(browser.all("#agent-left-table img")).isEmpty();
        assertThat(browser.all("#agent-left-table script")).isEmpty();
        Screenshots.save(browser, "web-agent-left-messages.png");

        browser.click("#agent-left-table button.left-mark-handled");

        browser.awaitTextContains("#agent-left-table .left-handled", "by 1001");
        assertThat(stored()).singleElement().satisfies(m -> assertThat(m.handledBy()).isEqualTo("1001"));
        assertThat(browser.consoleMessages()).as("errors on the agent view")
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
    }
}
