package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.media.wav.WavWriter;
import com.crosspoint.model.User;
import com.crosspoint.model.Voicemail;
import com.crosspoint.testing.BaresipEvent;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.TestAppliance;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Message-waiting indication with a real phone: baresip's mwi module subscribes to its
 * message-summary after registering; the appliance answers with the counts at once and NOTIFYs
 * every change of the mailbox (RFC 3842).
 */
class MwiIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestAppliance pbx;
    private static User bob;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
        pbx.user("1001", "Alice", "pw-alice-1001");
        bob = pbx.user("1002", "Bob", "pw-bob-1002");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    private static Voicemail leave(User box) throws IOException {
        Path file = pbx.appliance().voicemail().newRecording(box);
        try (WavWriter w = WavWriter.create(file)) {
            w.write(new short[16_000]);
            w.finish();
        }
        return pbx.appliance().voicemail().leave(box, "1001", "Alice", file, 2000);
    }

    private static BaresipEvent awaitSummary(BaresipPhone phone, String voiceMessage) {
        return phone.awaitEvent(e -> e.isType("MWI_NOTIFY") && e.param() != null && e.param().contains(voiceMessage),
                "MWI_NOTIFY with Voice-Message: " + voiceMessage, WAIT);
    }

    @Test
    void theSubscribedPhoneSeesTheMailboxFillAndEmpty() throws IOException {
        try (BaresipPhone phone = BaresipPhone.builder(pbx.uri("1002")).password("pw-bob-1002").mwi().start()) {
            phone.awaitRegistered(WAIT);
            // The first NOTIFY of the subscription: nothing waiting. baresip registers and subscribes within
            // milliseconds of starting, so that NOTIFY can beat the harness's ctrl_tcp connection and never become
            // an event: it is looked for in what the phone printed as well.
            await().atMost(WAIT).until(() -> phone.log().contains("Voice-Message: 0/0")
                    || phone.events().stream().anyMatch(e -> e.isType("MWI_NOTIFY") && e.param() != null
                            && e.param().contains("Voice-Message: 0/0")));
            assertThat(phone.log()).contains("Messages-Waiting: no")
                    .contains("Message-Account: sip:1002@" + TestAppliance.DOMAIN);

            Voicemail v = leave(bob);
            BaresipEvent waiting = awaitSummary(phone, "Voice-Message: 1/0");
            assertThat(waiting.param()).contains("Messages-Waiting: yes");

            pbx.appliance().voicemail().save(bob.id(), v.id());
            awaitSummary(phone, "Voice-Message: 0/1");
            phone.clearEvents();

            pbx.appliance().voicemail().delete(bob.id(), v.id());
            BaresipEvent empty = awaitSummary(phone, "Voice-Message: 0/0");
            assertThat(empty.param()).contains("Messages-Waiting: no");
        }
    }

    @Test
    void otherEventPackagesAreRefusedWith489AndTheSupportedOneNamed() {
        try (var raw = new com.crosspoint.testing.RawSipClient("127.0.0.1", pbx.sipPort())) {
            var response = raw.send("SUBSCRIBE sip:1002@" + pbx.sipHostPort() + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + raw.localPort() + ";branch=z9hG4bK-mwi-1;rport\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:1001@" + TestAppliance.DOMAIN + ">;tag=a1\r\n"
                    + "To: <sip:1002@" + TestAppliance.DOMAIN + ">\r\nCall-ID: mwi-presence-1\r\nCSeq: 1 SUBSCRIBE\r\n"
                    + "Contact: <sip:1001@127.0.0.1:" + raw.localPort() + ">\r\nEvent: presence\r\nExpires: 60\r\n"
                    + "Content-Length: 0\r\n\r\n", WAIT);
            assertThat(response.status()).isEqualTo(489);
            assertThat(response.header("Allow-Events")).isEqualTo("message-summary");
        }
    }
}
