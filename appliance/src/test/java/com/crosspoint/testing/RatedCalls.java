package com.crosspoint.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.HttpJson;
import com.crosspoint.billing.Authorisation;
import com.crosspoint.billing.Billing;
import com.crosspoint.billing.CallStart;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import com.crosspoint.model.Reservation;
import com.crosspoint.model.User;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * An outside call rated by the appliance's own billing engine without SIP: authorised as a call start, carried by a
 * carrier when one is given (its deck is the cost), its CDR stored, then settled at once as the rating pipeline
 * would. For tests of what billing shows (statements, margins), not of call control.
 */
public final class RatedCalls {
    private RatedCalls() {
    }

    /**
     * Opens a prepaid EUR account for the test tenant over the API, on a new plan of one rate (by the minute, 60/60)
     * and tops it up by 10.
     *
     * @param token a provider's (SUPERADMIN) bearer token
     */
    public static void prepaidAccount(TestAppliance pbx, HttpJson http, String token, String prefix, String perMinute) {
        String billing = "/api/v1/tenants/" + pbx.tenant().id() + "/billing";
        long planId = ok(http.post(billing + "/plans", token, "{\"name\":\"Plan " + System.nanoTime()
                + "\",\"currency\":\"EUR\",\"timeZone\":\"UTC\"}")).get("id").asLong();
        ok(http.put(billing + "/plans/" + planId + "/rates", token, "[{\"prefix\":\"" + prefix + "\",\"pricePerMinute\":\""
                + perMinute + "\",\"increment\":\"60/60\",\"effectiveFrom\":\"2020-01-01\"}]"));
        ok(http.put(billing + "/account", token, "{\"kind\":\"PREPAID\",\"currency\":\"EUR\",\"planId\":" + planId
                + "}"));
        ok(http.post(billing + "/top-ups", token, "{\"amount\":\"10\",\"reason\":\"test calls\"}"));
    }

    private static JsonNode ok(HttpJson.Res r) {
        assertThat(r.status()).as(r.raw().body()).isBetween(200, 201);
        return r.body();
    }

    /**
     * @param destination E.164 digits without the +
     * @param carrierId   the carrier that carried it, or null for a call without a cost
     * @return the call's Call-ID
     */
    public static String rate(TestAppliance pbx, User user, String destination, long talkSeconds, Long carrierId) {
        Billing billing = pbx.appliance().billing();
        Instant started = Instant.now().minusSeconds(talkSeconds + 5);
        String callId = "rated-" + System.nanoTime() + "@127.0.0.1";
        Authorisation decision = billing.authoriser().authorise(new CallStart(callId, user.tenantId(), user.id(),
                destination, started));
        assertThat(decision).as("authorisation of the call to " + destination).isInstanceOf(Authorisation.Granted.class);
        if (carrierId != null) {
            assertThat(billing.authoriser().carriedBy(callId, carrierId)).isTrue();
        }
        Instant answered = started.plusSeconds(3);
        pbx.appliance().stores().cdrs().save(new CallRecord(0, user.tenantId(), callId, user.extension(),
                "00" + destination, started, answered, answered.plusSeconds(talkSeconds), Disposition.ANSWERED,
                HangupParty.CALLER, 200));
        billing.pipeline().settle(callId); // false when the pipeline's own sweep came first
        assertThat(pbx.appliance().stores().ledger().reservationOfCall(callId)).as("the reservation of " + callId)
                .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(Reservation.State.SETTLED));
        return callId;
    }
}
