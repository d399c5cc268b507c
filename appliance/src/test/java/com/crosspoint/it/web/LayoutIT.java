package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import com.crosspoint.testing.web.DashboardTestBase;
import com.crosspoint.testing.web.Dashboards;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Layout faults a new user met (issue 10): a long display name widened the users table until the Delete buttons
 * left the screen; at phone width the call history was cut off (its last columns behind a sideways scroll).
 */
class LayoutIT extends DashboardTestBase {
    private static final String LONG_NAME = "Maximilian-Alexander-Bartholomew-Fitzgerald-Montgomery-Worthington-"
            + "Featherstonehaugh-Cholmondeley-the-Third";

    @BeforeAll
    static void start() {
        start(pbx -> {
            Dashboards.webPassword(pbx, pbx.user("6001", "Hana", "sip-pw-6001"), "hana-web-pass");
            pbx.user("6002", LONG_NAME, "sip-pw-6002");
            Instant t = Instant.parse("2026-01-05T09:15:00Z");
            for (int i = 0; i < 3; i++) {
                pbx.appliance().stores().cdrs().save(new CallRecord(0, pbx.tenant().id(), "layout-" + i + "@test",
                        i % 2 == 0 ? "6001" : "6002", i % 2 == 0 ? "6002" : "6001", t.plusSeconds(600L * i),
                        t.plusSeconds(600L * i + 5), t.plusSeconds(600L * i + 754), Disposition.ANSWERED,
                        HangupParty.CALLER, 200));
            }
        });
    }

    @Test
    void aLongDisplayNameKeepsTheUsersRowActionsOnScreen() {
        web.adminView("users");
        String row = "#users-table tr[data-extension='6002']";
        browser.awaitTextContains(row, "Maximilian");
        assertThat(overflow("#users-table")).as("sideways scroll of the users table").isLessThanOrEqualTo(0);
        assertThat(rightEdge(row + " button.delete")).as("right edge of Delete")
                .isLessThanOrEqualTo(rightEdge("#users-table"));
        assertThat(rightEdge(row + " button.delete")).isLessThanOrEqualTo(viewportWidth());
    }

    @Test
    void atPhoneWidthTheWholeCallHistoryIsOnScreen() {
        web.loginUser("6001", "hana-web-pass");
        browser.viewport(390, 844);
        try {
            web.show("calls");
            browser.awaitElement("#calls-table tr[data-cdr-id]");
            assertThat(overflow("#calls-table")).as("sideways scroll of the call history").isLessThanOrEqualTo(0);
            // the last column is the cost (empty for these calls between extensions), the fifth the duration
            for (String cell : List.of("td:last-child", "td:nth-child(5)", "td:nth-child(3)")) {
                assertThat(rightEdge("#calls-table tr[data-cdr-id] " + cell)).as(cell)
                        .isLessThanOrEqualTo(viewportWidth());
            }
            assertThat(browser.text("#calls-table tr[data-cdr-id] td:nth-child(5)")).isEqualTo("12:29");
        } finally {
            browser.size(1280, 900);
        }
    }

    /** How far the table's scroller can scroll sideways (0: it fits). */
    private static int overflow(String table) {
        return ((Number) browser.js("const w = document.querySelector(arguments[0]).closest('.table-wrap');"
                + "return w.scrollWidth - w.clientWidth;", table)).intValue();
    }

    private static double rightEdge(String css) {
        return ((Number) browser.js("return document.querySelector(arguments[0]).getBoundingClientRect().right;",
                css)).doubleValue();
    }

    private static double viewportWidth() {
        return ((Number) browser.js("return document.documentElement.clientWidth;")).doubleValue();
    }
}
