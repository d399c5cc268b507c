package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.model.InstantMessage;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.ReceivedMessage;
import com.crosspoint.testing.TestAppliance;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SIP MESSAGE between real phones: delivered at once when the recipient is online, on registration when not. */
class InstantMessageIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestAppliance pbx;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
        pbx.user("1001", "Alice", "pw-alice-1001");
        pbx.user("1002", "Bob", "pw-bob-1002");
        pbx.user("1004", "Dave", "pw-dave-1004");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void messageToAnOnlineUserArrivesAtOnce() {
        try (BaresipPhone alice = phone("1001", "pw-alice-1001", "1002");
             BaresipPhone bob = phone("1002", "pw-bob-1002", "1001")) {
            alice.awaitRegistered(WAIT);
            bob.awaitRegistered(WAIT);
            alice.sendMessage(pbx.uri("1002"), "hello bob");
            await().atMost(WAIT).until(() -> texts(bob).contains("hello bob"));
            bob.sendMessage(pbx.uri("1001"), "hi alice");
            await().atMost(WAIT).until(() -> texts(alice).contains("hi alice"));

            List<InstantMessage> history = pbx.appliance().messages().history(pbx.tenant().id(), "1001", "1002", 0, 10);
            assertThat(history).extracting(InstantMessage::body).containsExactly("hi alice", "hello bob");
            assertThat(history).allMatch(InstantMessage::delivered);
        }
    }

    @Test
    void messageToAnOfflineUserIsDeliveredWhenTheyRegister() {
        try (BaresipPhone alice = phone("1001", "pw-alice-1001", "1004")) {
            alice.awaitRegistered(WAIT);
            alice.sendMessage(pbx.uri("1004"), "call me when you are back");
            await().atMost(WAIT).until(() -> pbx.appliance().stores().messages()
                    .pendingFor(pbx.tenant().id(), "1004").size() == 1);
            try (BaresipPhone dave = phone("1004", "pw-dave-1004", "1001")) {
                dave.awaitRegistered(WAIT);
                await().atMost(WAIT).until(() -> texts(dave).contains("call me when you are back"));
            }
            await().atMost(WAIT).until(() -> pbx.appliance().stores().messages()
                    .pendingFor(pbx.tenant().id(), "1004").isEmpty());
        }
    }

    private static List<String> texts(BaresipPhone p) {
        return p.receivedMessages().stream().map(ReceivedMessage::text).toList();
    }

    private static BaresipPhone phone(String extension, String password, String peer) {
        return BaresipPhone.builder(pbx.uri(extension)).password(password).contact(pbx.uri(peer)).start();
    }
}
