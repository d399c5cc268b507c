package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.model.Binding;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.registrar.Registrar;
import com.crosspoint.sip.registrar.RegisterHandler;
import com.crosspoint.store.CdrStore;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import com.crosspoint.testing.SippRunner;
import com.crosspoint.testing.SippUser;
import com.crosspoint.testing.TestAppliance;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue acceptance with SIPp (sip-tester) as the client: 100 users register with digest auth, and SIPp
 * calls between two extensions go INVITE, 407, INVITE with credentials, 100/180/200, ACK, BYE, 200 through
 * the B2BUA, with a CDR per call.
 */
@Timeout(120)
class SippAgainstApplianceIT {
    private static final int LOAD_USERS = 100;
    /** Extensions 4001..4100; their devices' SIP usernames are load1..load100 (extensions are digits only). */
    private static final int LOAD_EXTENSION_BASE = 4000;
    private static final String LOAD_PASSWORD = "loadpw-secret";
    private static final String CALLEE = "2000";
    private static final String CALLEE_PASSWORD = "pw-uas-2000";
    private static final String CALLER = "2001";
    private static final String CALLER_PASSWORD = "pw-uac-2001";
    private static final int CALLS = 20;
    private static final Duration SIPP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static TestAppliance pbx;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
        for (int n = 1; n <= LOAD_USERS; n++) {
            var user = pbx.appliance().provisioning().createUser(pbx.tenant().id(), loadExtension(n), "Load " + n,
                    null, null);
            pbx.device(user, "load" + n, LOAD_PASSWORD);
        }
        pbx.user(CALLEE, "SIPp UAS", CALLEE_PASSWORD);
        pbx.user(CALLER, "SIPp UAC", CALLER_PASSWORD);
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void hundredUsersRegisterWithDigestAuth() {
        List<SippUser> users = IntStream.rangeClosed(1, LOAD_USERS)
                .mapToObj(n -> new SippUser(loadExtension(n), "load" + n, LOAD_PASSWORD, "")).toList();

        SippResult result = SippRunner.scenario("sipp/register-digest.xml").name("appliance-register-100")
                .remote("127.0.0.1", pbx.sipPort()).users(users).calls(LOAD_USERS).rate(100)
                .timeout(SIPP_TIMEOUT).run();

        assertThat(result.allSucceeded()).as(result.summary()).isTrue();
        assertThat(result.statistics().successfulCalls()).as(result.summary()).isEqualTo(LOAD_USERS);
        assertThat(result.statistics().failedCalls()).as(result.summary()).isZero();
        Set<String> loadAors = IntStream.rangeClosed(1, LOAD_USERS)
                .mapToObj(n -> RegisterHandler.aorOf(pbx.tenant(), loadExtension(n))).collect(Collectors.toSet());
        Registrar registrar = pbx.appliance().registrar();
        List<Binding> loadBindings = registrar.list(pbx.tenant().id()).stream()
                .filter(b -> loadAors.contains(b.aor())).toList();
        assertThat(loadBindings).hasSize(LOAD_USERS);
        assertThat(loadBindings).extracting(Binding::aor).containsExactlyInAnyOrderElementsOf(loadAors);
    }

    @Test
    void sippUacCallsSippUasThroughTheB2bua() {
        try (SippProcess uas = SippRunner.registerThenServe("127.0.0.1", pbx.sipPort(),
                SippUser.of(CALLEE, CALLEE_PASSWORD), FreePorts.udpAndTcp(), CALLS, SIPP_TIMEOUT)) {
            assertThat(pbx.appliance().registrar().lookup(RegisterHandler.aorOf(pbx.tenant(), CALLEE))).hasSize(1);

            SippResult uac = SippRunner.scenario("sipp/uac-call.xml").name("appliance-uac-" + CALLER + "-to-" + CALLEE)
                    .remote("127.0.0.1", pbx.sipPort())
                    .users(List.of(SippUser.caller(CALLER, CALLER_PASSWORD, CALLEE)))
                    .calls(CALLS).rate(10).callDuration(Duration.ofMillis(500)).traceMessages(true).timeout(SIPP_TIMEOUT).run();

            assertThat(uac.allSucceeded()).as(uac.summary()).isTrue();
            assertThat(uac.statistics().successfulCalls()).as(uac.summary()).isEqualTo(CALLS);
            SippResult served = uas.await();
            assertThat(served.allSucceeded()).as(served.summary()).isTrue();
            assertThat(served.statistics().successfulCalls()).as(served.summary()).isEqualTo(CALLS);
        }

        long tenant = pbx.tenant().id();
        CdrStore cdrs = pbx.appliance().stores().cdrs();
        await().atMost(WAIT).until(() -> cdrs.count(tenant, CdrStore.CdrFilter.any()) >= CALLS);
        List<CallRecord> records = cdrs.search(tenant, CdrStore.CdrFilter.any(), 0, CALLS * 2);
        assertThat(records).hasSize(CALLS);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.disposition()).isEqualTo(Disposition.ANSWERED);
            assertThat(r.caller()).isEqualTo(CALLER);
            assertThat(r.callee()).isEqualTo(CALLEE);
        });
        assertThat(pbx.appliance().activeCalls().list(tenant)).isEmpty();
    }

    private static String loadExtension(int n) {
        return Integer.toString(LOAD_EXTENSION_BASE + n);
    }
}
