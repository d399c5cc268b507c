package com.crosspoint.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A device's and a tenant's share of calls, with the call table as a set of live call ids. */
class CallLimitsTest {
    private final Set<String> table = new HashSet<>();
    private final CallLimits limits = new CallLimits(2, 3, table::contains);

    @Test
    void aDeviceAndATenantHoldTheirShareAndNoMore() {
        start("a1", 1, 10);
        start("a2", 1, 10);
        assertThat(limits.admit("a3", 1, 10)).isEqualTo(CallLimits.Verdict.DEVICE_FULL);
        start("b1", 1, 11);
        assertThat(limits.admit("c1", 1, 12)).isEqualTo(CallLimits.Verdict.TENANT_FULL);
        assertThat(limits.admit("x1", 2, 20)).as("another tenant").isEqualTo(CallLimits.Verdict.ADMITTED);
    }

    @Test
    void aCallCountsWhileSettingUpAndUntilTheTableForgetsIt() {
        assertThat(limits.admit("a1", 1, 10)).isEqualTo(CallLimits.Verdict.ADMITTED);
        // not yet in the table, but admitted: it counts
        assertThat(limits.admit("a2", 1, 10)).isEqualTo(CallLimits.Verdict.ADMITTED);
        assertThat(limits.admit("a3", 1, 10)).isEqualTo(CallLimits.Verdict.DEVICE_FULL);

        table.add("a1");
        limits.settled("a1");
        limits.settled("a2"); // refused after admission: never in the table
        assertThat(limits.admit("a4", 1, 10)).isEqualTo(CallLimits.Verdict.ADMITTED);

        table.remove("a1"); // ended
        limits.settled("a4");
        table.add("a4");
        assertThat(limits.admit("a5", 1, 10)).isEqualTo(CallLimits.Verdict.ADMITTED);
    }

    private void start(String id, long tenant, long device) {
        assertThat(limits.admit(id, tenant, device)).isEqualTo(CallLimits.Verdict.ADMITTED);
        table.add(id);
        limits.settled(id);
    }
}
