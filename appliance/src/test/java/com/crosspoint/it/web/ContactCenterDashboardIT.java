package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.acd.AgentBoard;
import com.crosspoint.acd.AgentStatus;
import com.crosspoint.acd.ContactCenter;
import com.crosspoint.acd.Member;
import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.Strategy;
import com.crosspoint.model.User;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.web.DashboardTestBase;
import com.crosspoint.testing.web.Dashboards;
import com.crosspoint.testing.web.Screenshots;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboards' contact center in headless Chromium against a real appliance: the agent view (state, log in,
 * pause with a reason, the callers waiting in the agent's queues) and the supervisor view (queues, waiting
 * callers, agents, logging an agent out, queue configuration). A real baresip caller waits in queue 600.
 */
class ContactCenterDashboardIT extends DashboardTestBase {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";
    private static User agent;
    private static QueueConfig support;
    private static BaresipPhone caller;

    @BeforeAll
    static void start() {
        start(pbx -> {
            agent = pbx.user("1001", "Agent Ann", "pw-ann-1001");
            Dashboards.webPassword(pbx, agent, "ann-web-1001");
            pbx.user("1002", "Agent Bob", "pw-bob-1002");
            pbx.user("1003", "Caller", "pw-caller-1003");
            var acd = pbx.appliance().acd();
            support = acd.create(new QueueConfig(0, pbx.tenant().id(), "600", "Support", Strategy.RING_ALL, 0, 0,
                    null, 0, 15, 3, 0, 20, null, 0, 0, false));
            acd.setMembers(pbx.tenant().id(), support.id(), List.of(new Member(0, agent.id(), Map.of())));
        });
        caller = BaresipPhone.builder(pbx.uri("1003")).password("pw-caller-1003").start();
        caller.awaitRegistered(WAIT);
    }

    @AfterAll
    static void stopCaller() {
        if (caller != null) {
            caller.close();
        }
    }

    @BeforeEach
    void agentLoggedOutNobodyWaiting() {
        var acd = pbx.appliance().acd();
        if (acd.center().agentState(agent.id()).isPresent()) {
            acd.change(agent, new AgentBoard.Logout(agent.id()));
        }
        await().atMost(WAIT).until(() -> acd.center().waiting(support.id()).isEmpty());
    }

    private static AgentStatus status() {
        return pbx.appliance().acd().center().agentState(agent.id()).orElseThrow().status();
    }

    @Test
    void anAgentLogsInPausesWithAReasonSeesWaitingCallersAndFollowsTheSupervisor() {
        web.loginUser("1001", "ann-web-1001");
        web.show("agent");
        browser.awaitText("#agent-state", "Logged out");
        assertThat(browser.unlabelledControls()).as("inputs without a label on the agent view").isEmpty();

        browser.click("#agent-login");
        browser.awaitText("#agent-state", "Available");
        assertThat(status()).isEqualTo(AgentStatus.AVAILABLE);

        browser.type("#agent-pause-reason", "lunch");
        browser.click("#agent-pause");
        browser.awaitText("#agent-state", "Paused (lunch)");
        assertThat(status()).isEqualTo(AgentStatus.PAUSED);
        assertThat(pbx.appliance().acd().center().agentState(agent.id()).orElseThrow().pauseReason())
                .isEqualTo("lunch");

        // a paused agent is offered nobody: the caller waits, and the agent sees it
        caller.dial(pbx.uri("600"));
        caller.awaitEvent("CALL_ESTABLISHED", WAIT);
        browser.awaitTextContains("#agent-waiting-table", "1003");
        browser.awaitText("#agent-queues-table tr[data-queue-id='" + support.id() + "'] .queue-waiting", "1");
        Screenshots.save(browser, "web-agent-view.png");
        caller.hangup();
        caller.awaitEvent("CALL_CLOSED", WAIT);
        browser.awaitTextContains("#agent-waiting-table", "Nobody waits");

        // a supervisor logs the agent out: the agent's page follows from the event stream
        pbx.appliance().acd().change(agent, new AgentBoard.Logout(agent.id()));
        browser.awaitText("#agent-state", "Logged out");
        assertThat(browser.isDisplayed("#agent-login")).isTrue();
        assertThat(browser.consoleMessages()).as("errors on the agent view")
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
    }

    @Test
    void aSupervisorWatchesQueuesCallersAndAgentsAndLogsAnAgentOut() {
        var acd = pbx.appliance().acd();
        acd.change(agent, acd.login(agent));
        acd.change(agent, new AgentBoard.Pause(agent.id(), "lunch")); // paused: nobody is offered to them
        var center = acd.center();
        long hostile = center.join(support.id(), "+15550009", HOSTILE, false, o -> { }).entryId();
        try {
            web.adminView("acd");
            String queueRow = "#acd-queues-table tr[data-queue-id='" + support.id() + "']";
            browser.awaitText(queueRow + " .queue-waiting", "1");
            browser.awaitTextContains("#acd-waiting-table", HOSTILE); // as text, never as markup
            assertThat(browser.all("#acd-waiting-table img")).isEmpty();
            assertThat(browser.text(queueRow)).contains("Support").contains("100 % in 20 s").contains("1 paused");
            String agentRow = "#acd-agents-table tr[data-extension='1001']";
            browser.awaitTextContains(agentRow + " .agent-status", "Paused");
            assertThat(browser.text(agentRow + " .agent-reason")).isEqualTo("lunch");

            acd.change(agent, new AgentBoard.Pause(agent.id(), "training")); // an acd.agent frame
            browser.awaitText(agentRow + " .agent-reason", "training");
            Screenshots.save(browser, "web-supervisor-view.png");

            browser.click(agentRow + " button.agent-log-out");
            browser.awaitTextContains(agentRow + " .agent-status", "Logged out");
            assertThat(status()).isEqualTo(AgentStatus.LOGGED_OUT);
        } finally {
            center.leave(support.id(), hostile, ContactCenter.Outcome.ABANDONED);
        }
        browser.awaitTextContains("#acd-waiting-table", "Nobody waits");
        assertThat(browser.consoleMessages()).as("errors on the supervisor view")
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
    }

    @Test
    void anAdminCreatesAQueueWithMembersAndABadNumberIsShownOnItsField() {
        web.adminView("acd");
        assertThat(browser.unlabelledControls()).as("inputs without a label on the contact center view").isEmpty();
        browser.type("#queue-number", "1002");
        browser.type("#queue-name", "Clash");
        browser.click("#queue-save");
        browser.awaitTextContains("#status", "1002");
        assertThat(browser.attribute("#queue-number", "aria-invalid")).isEqualTo("true");

        browser.type("#queue-number", "610");
        browser.type("#queue-name", "Billing");
        browser.type("#queue-members", "1001, 1002 billing=2");
        browser.click("#queue-save");
        browser.awaitTextContains("#queues-table tr[data-number='610']", "Billing");
        QueueConfig billing = pbx.appliance().acd().center().queueByNumber(pbx.tenant().id(), "610").orElseThrow();
        assertThat(pbx.appliance().acd().center().members(billing.id())).extracting(Member::skills)
                .containsExactly(Map.of(), Map.of("billing", 2));

        browser.click("#queues-table tr[data-number='610'] button.delete");
        browser.acceptConfirm();
        browser.awaitGone("#queues-table tr[data-number='610']");
        assertThat(pbx.appliance().acd().center().queueByNumber(pbx.tenant().id(), "610")).isEmpty();
    }
}
