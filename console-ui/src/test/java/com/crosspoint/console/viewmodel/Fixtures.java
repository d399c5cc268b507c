package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.Call;
import com.crosspoint.console.client.Login;
import com.crosspoint.console.client.Registration;
import com.crosspoint.console.client.StreamEvent;

import java.time.Instant;
import java.util.List;

/** Records as the appliance sends them. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private Fixtures() {
    }

    static Call call(String id, String caller, String callerName, String callee, String connectedTo, String state,
                     Instant started, String codec) {
        return new Call(id, 1, caller, callerName, callee, connectedTo, state, started, null, codec);
    }

    static StreamEvent.CallChange change(String type, Call c) {
        return new StreamEvent.CallChange(type, 2, T0, c.tenantId(), c);
    }

    static Registration registration(String ext, String contact, Instant expiresAt, long deviceId) {
        return new Registration(1, "sip:" + ext + "@acme.example.com", contact, expiresAt, "UDP", "192.0.2.44:5062",
                "baresip v1.0.0", ext, deviceId, ext);
    }

    static StreamEvent.RegistrationChange regChange(String type, Registration r) {
        return new StreamEvent.RegistrationChange(type, 3, T0, r.tenantId(), r);
    }

    static StreamEvent.Snapshot snapshot(List<Registration> regs, List<Call> calls) {
        return new StreamEvent.Snapshot("snapshot", 1, T0, regs, calls);
    }

    static Login login(String user, String role, Long tenant) {
        return new Login("tok-" + user, user, role, tenant, T0.plusSeconds(3600));
    }
}
