package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.Tenant;
import com.crosspoint.store.CdrStore;
import com.crosspoint.store.derby.DerbyStores;
import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.ApplianceProcess;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.HarnessFiles;
import com.crosspoint.testing.ReceivedMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Registrations, stored messages and CDRs survive {@code kill -9} of the appliance: after a
 * restart on the same data directory, a phone that never re-registered is still reachable, an
 * offline message still waits for its recipient, and the CDR written before the kill is there.
 */
class RestartIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "demo-pw-4321";
    private static final Map<String, String> ENV = Map.of("CROSSPOINT_DEMO_PASSWORD", PASSWORD,
            "CROSSPOINT_ADMIN_PASSWORD", "admin-pw-4321");

    @Test
    void committedStateSurvivesKillMinusNine() {
        Path dataDir = HarnessFiles.tempDir("restart").resolve("data");
        int sipPort = FreePorts.udpAndTcp();
        int httpPort = FreePorts.udpAndTcp();
        String host = "127.0.0.1:" + sipPort;
        try (BaresipPhone alice = phone("1001", host, "1003");
             BaresipPhone bob = phone("1002", host, "1001")) {
            try (ApplianceProcess first = ApplianceProcess.start(dataDir, sipPort, httpPort, ENV)) {
                alice.awaitRegistered(WAIT);
                bob.awaitRegistered(WAIT);
                alice.sendMessage("sip:1003@" + host, "stored before the crash");
                call(alice, bob, host);
                // Kill only once the CDR is committed (the API reads the store): what was confirmed must survive.
                AdminApi api = new AdminApi(httpPort, "admin", "admin-pw-4321");
                long tenant = api.tenantId("demo.crosspoint.local");
                await().atMost(WAIT).until(() -> api.get("/tenants/" + tenant + "/cdrs").get("total").asInt() == 1);
                await().atMost(WAIT).until(() -> api.get("/tenants/" + tenant + "/messages?extension=1003").get("items").size() == 1);
                first.killHard();
            }
            try (ApplianceProcess second = ApplianceProcess.start(dataDir, sipPort, httpPort, ENV)) {
                // Bob's phone has not registered again (regint 600 s): only the restored binding can reach it.
                call(alice, bob, host);
                try (BaresipPhone carol = phone("1003", host, "1001")) {
                    carol.awaitRegistered(WAIT);
                    await().atMost(WAIT).until(() -> carol.receivedMessages().stream()
                            .map(ReceivedMessage::text).anyMatch("stored before the crash"::equals));
                }
            }
        }
        try (DerbyStores stores = DerbyStores.open(dataDir)) {
            Tenant demo = stores.tenants().findByDomain("demo.crosspoint.local").orElseThrow();
            List<CallRecord> cdrs = stores.cdrs().search(demo.id(), CdrStore.CdrFilter.any(), 0, 10);
            assertThat(cdrs).hasSize(2).allMatch(c -> c.disposition() == Disposition.ANSWERED);
            assertThat(stores.messages().pendingFor(demo.id(), "1003")).isEmpty();
            assertThat(stores.bindings().listAll()).extracting(b -> b.aor())
                    .contains("sip:1001@demo.crosspoint.local", "sip:1002@demo.crosspoint.local");
        }
    }

    private static void call(BaresipPhone caller, BaresipPhone callee, String host) {
        caller.clearEvents();
        callee.clearEvents();
        caller.dial("sip:1002@" + host);
        caller.awaitEvent("CALL_ESTABLISHED", WAIT);
        callee.awaitEvent("CALL_ESTABLISHED", WAIT);
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        caller.hangup();
        callee.awaitEvent("CALL_CLOSED", WAIT);
    }

    private static BaresipPhone phone(String extension, String host, String peer) {
        return BaresipPhone.builder("sip:" + extension + "@" + host).password(PASSWORD).regint(600)
                .contact("sip:" + peer + "@" + host).start();
    }
}
