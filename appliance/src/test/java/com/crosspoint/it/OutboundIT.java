package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.model.Binding;
import com.crosspoint.nat.FlowToken;
import com.crosspoint.nat.NatAction;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.TestAppliance;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 5626 outbound with a real client: baresip with {@code sipnat=outbound} registers over TCP with
 * {@code +sip.instance}, {@code reg-id} and {@code Supported: outbound}, keeps its flow with CRLF keepalives, and is
 * called over that flow.
 */
class OutboundIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestAppliance pbx;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
        pbx.user("3001", "Outbound Phone", "pw-ob-3001");
        pbx.user("3002", "Caller", "pw-caller-3002");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void outboundPhoneOverTcpIsRegisteredByInstanceAndRegIdAndCalledOverItsFlow() {
        try (BaresipPhone ob = BaresipPhone.builder(pbx.uri("3001")).password("pw-ob-3001")
                .outboundProxy("sip:" + pbx.sipHostPort() + ";transport=tcp").accountParam("sipnat=outbound").start();
             BaresipPhone caller = BaresipPhone.builder(pbx.uri("3002")).password("pw-caller-3002").start()) {
            ob.awaitRegistered(WAIT);
            caller.awaitRegistered(WAIT);

            String aor = "sip:3001@" + TestAppliance.DOMAIN;
            await().atMost(WAIT).until(() -> !pbx.appliance().registrar().lookup(aor).isEmpty());
            List<Binding> bindings = pbx.appliance().registrar().lookup(aor);
            assertThat(bindings).singleElement().satisfies(b -> {
                assertThat(b.transport()).isEqualTo("TCP");
                assertThat(b.regId()).isPositive();
                assertThat(b.instanceId()).startsWith("<urn:uuid:");
                assertThat(pbx.appliance().registrar().natOf(b).actions()).contains(NatAction.OUTBOUND_FLOW);
                assertThat(pbx.appliance().registrar().natOf(b).flow()).map(FlowToken::text)
                        .contains("tcp " + b.source() + " \u2192 127.0.0.1:" + pbx.sipPort());
            });

            caller.dial(pbx.uri("3001"));
            ob.awaitEvent("CALL_ESTABLISHED", WAIT);
            caller.awaitEvent("CALL_ESTABLISHED", WAIT);
            caller.hangup();
            ob.awaitEvent("CALL_CLOSED", WAIT); // the appliance's BYE reached baresip over its flow
            await().atMost(WAIT).untilAsserted(() -> assertThat(pbx.appliance().calls().dialogFlows()).isZero());
            assertThat(ob.log()).contains("Using sipnat: 'outbound'").contains("{1/TCP/v4} 200 OK");
        }
    }
}
