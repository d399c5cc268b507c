package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.EventClient;
import com.crosspoint.testing.ApplianceExtension;
import com.crosspoint.testing.TestAppliance;
import com.crosspoint.testing.web.Dashboards;
import com.crosspoint.testing.web.RawHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Password guessing from many addresses (issue 10, item 6, web side): every address stays under the per-address
 * throttle (3 guesses each), yet after the account's budget (more than 10 failures) the account backs off for
 * every new address, even for the right password; its owner, from the address it already logged in from, still gets in,
 * and the admin's event stream hears of it.
 */
class AccountLoginBudgetIT {
    private static final String PASSWORD = "the-real-web-password";
    @RegisterExtension
    static final ApplianceExtension PBX = ApplianceExtension.start(pbx ->
            Dashboards.webPassword(pbx, pbx.user("1001", "Alice", "sip-pw-1001"), PASSWORD));


    @Test
    void guessesFromManyAddressesExhaustTheAccountButNotItsOwner() throws Exception {
        int port = PBX.get().appliance().httpPort();
        InetAddress owner = RawHttp.source(0);
        assertThat(login(owner, PASSWORD).status()).as("the owner's first login").isEqualTo(200);

        AdminApi admin = new AdminApi(port, Dashboards.ADMIN, Dashboards.ADMIN_PASSWORD);
        try (EventClient watch = EventClient.connect(Dashboards.base(PBX.get()), "token=" + admin.token(), null)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> watch.types().contains("snapshot"));
            int refused = 0;
            for (int source = 1; source <= 8; source++) {
                for (int guess = 0; guess < 3; guess++) {
                    int status = login(RawHttp.source(source), "guess-" + source + "-" + guess).status();
                    assertThat(status).isIn(401, 429);
                    refused += status == 429 ? 1 : 0;
                }
            }
            assertThat(refused).as("guesses refused without a check once the account's budget was spent").isPositive();

            RawHttp.Answer stranger = login(RawHttp.source(20), PASSWORD);
            assertThat(stranger.status()).as("the right password from a new address during the back-off").isEqualTo(429);
            assertThat(stranger.headers()).containsKey("retry-after");
            assertThat(stranger.body()).contains("account");

            assertThat(login(owner, PASSWORD).status()).as("the owner from its known address").isEqualTo(200);

            await().atMost(Duration.ofSeconds(5)).until(() -> watch.types().contains("security.account-back-off"));
            JsonNode frame = watch.frames().stream()
                    .filter(f -> f.get("type").asText().equals("security.account-back-off")).findFirst().orElseThrow();
            assertThat(frame.get("channel").asText()).isEqualTo("web");
            assertThat(frame.get("account").asText()).isEqualTo("1001");
            assertThat(frame.get("tenantId").asLong()).isEqualTo(PBX.get().tenant().id());
            assertThat(frame.get("sources").asInt()).isGreaterThan(1);
            assertThat(frame.get("backOffSeconds").asLong()).isPositive();
        }
    }

    private static RawHttp.Answer login(InetAddress from, String password) throws Exception {
        return RawHttp.postJson(from, PBX.get().appliance().httpPort(), "/api/v1/web/login",
                "{\"kind\":\"user\",\"extension\":\"1001\",\"domain\":\"" + TestAppliance.DOMAIN + "\",\"password\":\""
                        + password + "\"}");
    }
}
