package com.crosspoint.trunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrunksTest {
    private static final TrunkTarget PRIMARY = TrunkTarget.parse("192.0.2.1:5060");
    private static final TrunkTarget SECONDARY = TrunkTarget.parse("192.0.2.2:5070;transport=tcp");
    private static final TrunkTarget NEW_YORK = TrunkTarget.parse("gw-ny.example:5060");
    private static final TrunkTarget MANHATTAN = TrunkTarget.parse("[2001:db8::5]:5060");

    private final Trunks trunks = new Trunks(List.of(PRIMARY, SECONDARY),
            List.of(new GatewayRoute("+1212", NEW_YORK), new GatewayRoute("+1212555", MANHATTAN)), 2);

    @Test
    void theRoutersTakeTurns() {
        assertThat(trunks.targetsFor("+33142685300")).containsExactly(PRIMARY, SECONDARY);
        assertThat(trunks.targetsFor("+33142685300")).containsExactly(SECONDARY, PRIMARY);
        assertThat(trunks.targetsFor("911")).containsExactly(PRIMARY, SECONDARY);
    }

    @Test
    void aRouterThatKeepsFailingIsTriedLastUntilItAnswersAgain() {
        trunks.failed(PRIMARY);
        assertThat(trunks.isUp(PRIMARY)).as("one failure is not enough").isTrue();
        trunks.failed(PRIMARY);

        assertThat(trunks.isUp(PRIMARY)).isFalse();
        assertThat(trunks.targetsFor("+33142685300")).containsExactly(SECONDARY, PRIMARY);
        assertThat(trunks.targetsFor("+33142685300")).containsExactly(SECONDARY, PRIMARY);

        trunks.succeeded(PRIMARY);
        assertThat(trunks.isUp(PRIMARY)).isTrue();
    }

    @Test
    void theLongestGatewayPrefixWins() {
        assertThat(trunks.targetsFor("+12125551234")).containsExactly(MANHATTAN);
        assertThat(trunks.targetsFor("+12126661234")).containsExactly(NEW_YORK);
        assertThat(trunks.servers()).containsExactly(PRIMARY, SECONDARY, MANHATTAN, NEW_YORK);
    }

    @Test
    void targetsAndRoutesAreCheckedWhenRead() {
        assertThat(SECONDARY.uriFor("+33142685300")).isEqualTo("sip:+33142685300@192.0.2.2:5070;user=phone;transport=tcp");
        assertThat(PRIMARY.uriFor("911")).isEqualTo("sip:911@192.0.2.1:5060");
        assertThatThrownBy(() -> TrunkTarget.parse("router")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> TrunkTarget.parse("router:70000")).hasMessageContaining("port");
        assertThatThrownBy(() -> GatewayRoute.parse("1212=gw:5060")).hasMessageContaining("prefix");
        assertThat(GatewayRoute.parse("+1212 = gw:5060")).isEqualTo(new GatewayRoute("+1212",
                new TrunkTarget("gw", 5060, "udp")));
        assertThat(new Trunks(List.of(), List.of(), 1).configured()).isFalse();
    }
}
