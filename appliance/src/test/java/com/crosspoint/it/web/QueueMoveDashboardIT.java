package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.acd.ContactCenter;
import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.QueueEntry;
import com.crosspoint.acd.Strategy;
import com.crosspoint.testing.web.DashboardTestBase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The supervisor view's "Move" in headless Chromium against a real appliance: a caller waiting in Support is moved
 * to Sales from its row; the appliance has it in Sales, Support counts it transferred, and the page shows it.
 */
class QueueMoveDashboardIT extends DashboardTestBase {
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";
    private static QueueConfig support;
    private static QueueConfig sales;

    @BeforeAll
    static void start() {
        start(pbx -> {
            var acd = pbx.appliance().acd();
            support = acd.create(new QueueConfig(0, pbx.tenant().id(), "600", "Support", Strategy.RING_ALL, 0, 0,
                    null, 0, 15, 3, 0, 20, null, 0, 0, false));
            sales = acd.create(new QueueConfig(0, pbx.tenant().id(), "601", "Sales", Strategy.RING_ALL, 0, 0,
                    null, 0, 15, 3, 0, 20, null, 0, 0, false));
        });
    }

    @Test
    void aSupervisorMovesAWaitingCallerFromItsRowToAnotherQueue() {
        ContactCenter center = pbx.appliance().acd().center();
        long entry = center.join(support.id(), HOSTILE, "", false, o -> { }).entryId();
        try {
            web.adminView("acd");
            String row = "#acd-waiting-table tr[data-entry-id='" + entry + "']";
            browser.awaitTextContains(row, "Support");
            assertThat(browser.all("#acd-waiting-table img")).as("the caller's text is text").isEmpty();
            assertThat(browser.unlabelledControls()).as("inputs without a label on the supervisor view").isEmpty();
            assertThat(browser.text(row + " select.waiting-move-to")).isEqualTo("Sales (601)");

            browser.click(row + " button.waiting-move");

            browser.awaitTextContains("#status", "moved to Sales, position 1");
            browser.awaitTextContains(row, "Sales");
            assertThat(center.waiting(support.id())).isEmpty();
            assertThat(center.waiting(sales.id())).extracting(QueueEntry::id).containsExactly(entry);
            assertThat(center.stats(pbx.tenant().id(), support.id()).orElseThrow().transferred()).isEqualTo(1);
            assertThat(browser.text(row + " select.waiting-move-to")).isEqualTo("Support (600)");
        } finally {
            for (QueueConfig q : List.of(support, sales)) {
                center.leave(q.id(), entry, ContactCenter.Outcome.ABANDONED);
            }
        }
        browser.awaitTextContains("#acd-waiting-table", "Nobody waits");
        assertThat(browser.consoleMessages()).as("errors on the supervisor view")
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
    }
}
