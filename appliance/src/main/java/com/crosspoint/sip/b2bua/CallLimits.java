package com.crosspoint.sip.b2bua;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How many calls one device and one tenant may have in progress. The node's calls and media ports are shared by
 * every tenant, so neither one device (one held 150) nor one tenant may take them all. A call counts from its
 * admission; once it is in the {@link CallTable}, for as long as the table holds it.
 */
final class CallLimits {
    /** The answer to a new call: admitted, or whose share is used up. */
    enum Verdict { ADMITTED, DEVICE_FULL, TENANT_FULL }

    private record Owner(long tenantId, long deviceId) {
    }

    /** The "device" of a call from a trunk: such calls count against their tenant's share only. */
    static final long NO_DEVICE = Long.MIN_VALUE;

    private final int perDevice;
    private final int perTenant;
    private final Predicate<String> live;
    private final Map<String, Owner> admitted = new HashMap<>();
    /** Admitted calls not yet in the table, which must not be taken for ended ones. */
    private final Set<String> settingUp = new HashSet<>();

    /** @param live whether the call with this id is still in the call table */
    CallLimits(int perDevice, int perTenant, Predicate<String> live) {
        if (perDevice < 1 || perTenant < 1) {
            throw new IllegalArgumentException("call limits must be positive");
        }
        this.perDevice = perDevice;
        this.perTenant = perTenant;
        this.live = live;
    }

    /** Counts the calls the device and its tenant have; admits this one if both are within their share. */
    synchronized Verdict admit(String callId, long tenantId, long deviceId) {
        admitted.keySet().removeIf(id -> !settingUp.contains(id) && !live.test(id));
        int device = 0;
        int tenant = 0;
        for (Owner o : admitted.values()) {
            device += o.deviceId() == deviceId ? 1 : 0;
            tenant += o.tenantId() == tenantId ? 1 : 0;
        }
        if (deviceId != NO_DEVICE && device >= perDevice) {
            return Verdict.DEVICE_FULL;
        }
        if (tenant >= perTenant) {
            return Verdict.TENANT_FULL;
        }
        admitted.put(callId, new Owner(tenantId, deviceId));
        settingUp.add(callId);
        return Verdict.ADMITTED;
    }

    /** The admitted call is in the table now, or never will be: from here on the table says whether it lives. */
    synchronized void settled(String callId) {
        settingUp.remove(callId);
    }
}
