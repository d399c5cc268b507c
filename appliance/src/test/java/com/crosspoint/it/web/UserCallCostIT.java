package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.it.BilledCallHarness;
import com.crosspoint.model.BillingAccount;
import com.crosspoint.model.SpendLimits;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.RatedCall;
import com.crosspoint.model.User;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import com.crosspoint.testing.web.DashboardTestBase;
import com.crosspoint.testing.web.Dashboards;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The end-user dashboard shows the user what their own outside calls cost them (issue 14): a baresip phone calls a
 * SIPp carrier through the PBX and the node's call router on a billed account, and the user's calls view in headless
 * Chromium shows that call's price, never the carrier's cost.
 */
class UserCallCostIT extends DashboardTestBase {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ALICE_WEB_PASSWORD = "alice-web-password";

    private static User alice;
    private static BilledCallHarness billed;

    @BeforeAll
    static void start() throws Exception {
        start(BilledCallHarness.NODE, pbx -> {
            alice = pbx.user("1001", "Alice", "pw-alice-1001");
            Dashboards.webPassword(pbx, alice, ALICE_WEB_PASSWORD);
        });
        billed = new BilledCallHarness(pbx);
        billed.did(alice.extension());
        billed.account(BillingAccount.Kind.PREPAID, "10", "0", SpendLimits.NONE);
    }

    @AfterAll
    static void stop() {
        billed.close();
    }

    @Test
    void theUsersCallsViewShowsThePriceOfTheirOutsideCall() throws Exception {
        try (SippProcess carrier = billed.carrier("user-cost-carrier", Duration.ofSeconds(30));
             BaresipPhone phone = BaresipPhone.builder(pbx.uri("1001")).password("pw-alice-1001").tone(700).start()) {
            phone.awaitRegistered(WAIT);
            phone.dial(pbx.uri("6175551234"));
            phone.awaitEvent("CALL_ESTABLISHED", WAIT);
            Thread.sleep(3000); // talking
            phone.hangup();
            phone.awaitEvent("CALL_CLOSED", WAIT);
            SippResult result = carrier.await();
            assertThat(result.allSucceeded()).as(result.summary()).isTrue();
        }
        CallRecord cdr = await().atMost(WAIT).until(() -> billed.onlyCdr().orElse(null), c -> c != null);
        RatedCall rating = await().atMost(WAIT).until(() -> billed.rating(cdr).orElse(null), r -> r != null);
        String price = rating.price().toDecimal() + " EUR";

        web.loginUser("1001", ALICE_WEB_PASSWORD);
        web.show("calls");
        String row = "#calls-table tr[data-cdr-id='" + cdr.id() + "']";
        browser.awaitTextContains(row + " td.cost", price);
        assertThat(rating.price().micros()).as("3 s or so at a cent a second").isBetween(30_000L, 50_000L);
        assertThat(browser.text(row)).as("the carrier's cost is not the user's business")
                .doesNotContain(rating.cost().toDecimal());
    }
}
