package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.call.CallOrigination;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.store.CdrStore;
import com.crosspoint.testing.AudioAnalysis;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.BaresipPhone.AnswerMode;
import com.crosspoint.testing.TestAppliance;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A call the appliance places itself (what a queue's callback uses), with real phones: the agent 1002 is rung
 * first, answers, then the customer 1001 is rung from the agent's phone, answers, and the two hear each other.
 */
class OriginateIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static TestAppliance pbx;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
        pbx.user("1001", "Customer", "pw-customer-1001");
        pbx.user("1002", "Agent", "pw-agent-1002");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void theAgentAnswersFirstThenTheCustomerIsRungAndBothHearEachOther() {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (BaresipPhone customer = phone("1001", "pw-customer-1001", 440);
             BaresipPhone agent = phone("1002", "pw-agent-1002", 975)) {
            customer.awaitRegistered(WAIT);
            agent.awaitRegistered(WAIT);

            String callId = pbx.appliance().calls().originate(
                    new CallOrigination.Placement(pbx.tenant().id(), "1002", 20, "1001", "Callback"), progress(heard));
            assertThat(callId).isNotNull();

            agent.awaitEvent("CALL_INCOMING", WAIT);
            assertThat(customer.events()).noneMatch(e -> "CALL_INCOMING".equals(e.type())); // the agent comes first
            agent.accept();
            customer.awaitEvent("CALL_INCOMING", WAIT);
            await().atMost(WAIT).until(() -> heard.contains("agent answered"));
            customer.accept();
            customer.awaitEvent("CALL_RTPESTAB", WAIT);
            agent.awaitEvent("CALL_RTPESTAB", WAIT);
            await().atMost(WAIT).until(() -> heard.contains("connected"));

            await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).until(() -> true); // tones flow a while
            customer.hangup();
            agent.awaitEvent("CALL_CLOSED", WAIT);
            await().atMost(WAIT).until(() -> heard.contains("ended after talking 200"));

            List<CallRecord> cdrs = pbx.appliance().stores().cdrs().search(pbx.tenant().id(),
                    CdrStore.CdrFilter.any(), 0, 10);
            assertThat(cdrs).singleElement().satisfies(cdr -> {
                assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
                assertThat(cdr.caller()).isEqualTo("1002");
                assertThat(cdr.callee()).isEqualTo("1001");
            });
            await().atMost(WAIT).until(() -> !customer.recordings().isEmpty() && !agent.recordings().isEmpty());
            AudioAnalysis heardByCustomer = AudioAnalysis.read(customer.recordings().get(0));
            AudioAnalysis heardByAgent = AudioAnalysis.read(agent.recordings().get(0));
            assertThat(heardByCustomer.containsTone(975)).as(heardByCustomer.describe(440, 975)).isTrue();
            assertThat(heardByAgent.containsTone(440)).as(heardByAgent.describe(440, 975)).isTrue();
        }
    }

    private static CallOrigination.Progress progress(List<String> heard) {
        return new CallOrigination.Progress() {
            @Override
            public void firstAnswered() {
                heard.add("agent answered");
            }

            @Override
            public void connected() {
                heard.add("connected");
            }

            @Override
            public void ended(boolean connected, int status) {
                heard.add("ended " + (connected ? "after talking" : "failed") + " " + status);
            }
        };
    }

    private static BaresipPhone phone(String extension, String password, double toneHz) {
        return BaresipPhone.builder("sip:" + extension + "@" + pbx.sipHostPort())
                .name(extension)
                .authUser(extension)
                .password(password)
                .tone(toneHz)
                .answerMode(AnswerMode.MANUAL)
                .start();
    }
}
