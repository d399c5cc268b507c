package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.web.DashboardTestBase;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin dashboard's live view shows the MOS of a call the appliance answers (here voicemail: the callee
 * has no phone) next to its codec, from the quality the call publishes while it lasts.
 */
class LiveQualityDashboardIT extends DashboardTestBase {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @BeforeAll
    static void start() {
        start(pbx -> {
            pbx.user("2301", "Ivan Caller", "pw-ivan-2301");
            pbx.user("2302", "Judy Away", "pw-judy-2302"); // never registers: the appliance answers with voicemail
            pbx.user("2303", "Kim Desk", "pw-kim-2303");
        });
    }

    @Test
    void aVoicemailCallShowsItsMosInTheLiveView() {
        web.adminView("live");
        try (BaresipPhone ivan = BaresipPhone.builder(pbx.uri("2301")).password("pw-ivan-2301").tone(800).start()) {
            ivan.awaitRegistered(WAIT);
            ivan.dial(pbx.uri("2302"));
            ivan.awaitEvent("CALL_ESTABLISHED", WAIT);
            browser.awaitElement("#live-calls-table tr[data-call-id]");
            browser.awaitTextContains("#live-calls-table tr[data-call-id]", "PCMU");
            // published every 5 s while the call lasts
            await().atMost(WAIT).until(() -> browser.exists("#live-calls-table tr[data-call-id] td.mos[data-mos]"));
            String mos = browser.text("#live-calls-table tr[data-call-id] td.mos");
            assertThat(mos).matches("[1-4]\\.\\d\\d");
            assertThat(Double.parseDouble(mos)).isBetween(1.0, 4.5);
            assertThat(browser.attribute("#live-calls-table tr[data-call-id] td.mos", "title")).contains("Loss", "jitter");

            ivan.hangup();
            ivan.awaitEvent("CALL_CLOSED", WAIT);
            browser.awaitGone("#live-calls-table tr[data-call-id]");
        }
    }

    /** Issue 10: the MOS cell was blank for phone-to-phone calls, with no word why. */
    @Test
    void aCallBetweenTwoPhonesSaysItIsNotAnchored() {
        web.adminView("live");
        try (BaresipPhone ivan = BaresipPhone.builder(pbx.uri("2301")).password("pw-ivan-2301").start();
             BaresipPhone kim = BaresipPhone.builder(pbx.uri("2303")).password("pw-kim-2303").start()) {
            ivan.awaitRegistered(WAIT);
            kim.awaitRegistered(WAIT);
            ivan.dial(pbx.uri("2303"));
            ivan.awaitEvent("CALL_ESTABLISHED", WAIT);
            String mos = "#live-calls-table tr[data-call-id] td.mos";
            browser.awaitText(mos, "not anchored");
            assertThat(browser.attribute(mos, "data-mos")).isEqualTo("not-anchored");
            assertThat(browser.attribute(mos, "title")).contains("directly");
            ivan.hangup();
            ivan.awaitEvent("CALL_CLOSED", WAIT);
            browser.awaitGone("#live-calls-table tr[data-call-id]");
        }
    }
}
