package com.crosspoint.store;

import com.crosspoint.model.BillingIncrement;
import com.crosspoint.model.Binding;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.Carrier;
import com.crosspoint.model.CarrierTransport;
import com.crosspoint.model.Device;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import com.crosspoint.model.InstantMessage;
import com.crosspoint.model.RateRow;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test data for the store contracts. Contract tests share one database per test class, so every
 * fixture gets names no other test uses and assertions look only at a test's own tenant.
 */
public final class StoreFixtures {
    /** A millisecond instant, since that is what the stores keep. */
    public static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

    private static final AtomicInteger SEQUENCE = new AtomicInteger(1000);

    private StoreFixtures() {
    }

    public static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    public static Tenant tenant(Stores stores) {
        String name = unique("tenant");
        return stores.tenants().create(name, name + ".example.com");
    }

    public static User user(Stores stores, Tenant tenant) {
        return stores.users().create(tenant.id(), unique(""), "Ann Example", "ann@example.com",
                CallSettings.defaults());
    }

    public static Device device(Stores stores, User user) {
        return stores.devices().create(user.tenantId(), user.id(), unique("dev"), "0cc175b9c0f1b6a831c399e269772661",
                "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb");
    }

    public static String aor(Tenant tenant, User user) {
        return "sip:" + user.extension() + "@" + tenant.domain();
    }

    public static Binding binding(Tenant tenant, User user, Device device, String contact) {
        return new Binding(tenant.id(), user.id(), device.id(), aor(tenant, user), contact,
                unique("call-") + "@192.0.2.10", 1, T0.plusSeconds(3600), "UDP", "192.0.2.10:5060",
                "Crosspoint-Test/1.0", T0);
    }

    public static List<Binding> bindingsOf(Stores stores, Tenant tenant) {
        return stores.bindings().listAll().stream().filter(b -> b.tenantId() == tenant.id()).toList();
    }

    public static InstantMessage message(Tenant tenant, String from, String to, Instant createdAt) {
        return new InstantMessage(0, tenant.id(), from, to, "text/plain", "hello from " + from, createdAt, null);
    }

    public static CallRecord call(Tenant tenant, String caller, String callee, Instant startedAt,
                                  Disposition disposition) {
        boolean answered = disposition == Disposition.ANSWERED;
        return new CallRecord(0, tenant.id(), unique("cdr-") + "@192.0.2.10", caller, callee, startedAt,
                answered ? startedAt.plusSeconds(5) : null, startedAt.plusSeconds(65), disposition,
                answered ? HangupParty.CALLER : HangupParty.SYSTEM, answered ? 200 : 486);
    }

    /** An in-service UDP carrier without credentials or limits. */
    public static Carrier carrier(String name) {
        return new Carrier(0, name, "198.51.100.7", 5060, CarrierTransport.UDP, null, "", 0, 0, true);
    }

    /** A per-minute rate effective from 2026-01-01, open-ended. */
    public static RateRow rate(String prefix, long micros) {
        return new RateRow(prefix, "dest " + prefix, micros, BillingIncrement.PER_MINUTE, LocalDate.of(2026, 1, 1),
                null);
    }
}
