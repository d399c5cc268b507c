package com.crosspoint.store.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.acd.AgentBoard;
import com.crosspoint.acd.ContactCenter;
import com.crosspoint.chat.ChatAgent;
import com.crosspoint.chat.ChatLimits;
import com.crosspoint.chat.ChatRefused;
import com.crosspoint.chat.ChatVisitor;
import com.crosspoint.chat.InvalidChatInput;
import com.crosspoint.chat.LeftMessage;
import com.crosspoint.chat.LeftMessageLimits;
import com.crosspoint.chat.LeftMessages;
import com.crosspoint.chat.acd.AcdChatDispatch;
import com.crosspoint.chat.acd.AcdChats;
import com.crosspoint.model.Tenant;
import com.crosspoint.store.StoreFixtures;
import com.crosspoint.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Messages left when nobody answers, over the real Derby store and the contact center's chat dispatch: queue
 * "support" (number 501) answered by agent 1001, queue "billing" (500) by agent 1002.
 */
class LeftMessagesTest {
    @RegisterExtension
    static final DerbyStoresExtension DATABASE = new DerbyStoresExtension();
    private static final ChatAgent ANN = new ChatAgent(11, "1001", "Ann");
    private static final ChatAgent BOB = new ChatAgent(12, "1002", "Bob");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private ContactCenter center;
    private AcdChatDispatch dispatch;
    private LeftMessages messages;
    private long tenant;

    @BeforeEach
    void setUp() {
        Tenant t = StoreFixtures.tenant(DATABASE.stores());
        tenant = t.id();
        center = AcdChats.center(clock, tenant, Map.of("support", List.of(ANN), "billing", List.of(BOB)));
        dispatch = new AcdChatDispatch(center, AcdChats.people(ANN, BOB), 3, true);
        messages = new LeftMessages(DATABASE.stores().leftMessages(), dispatch, ChatLimits.defaults(),
                new LeftMessageLimits(3, 4), clock);
    }

    private LeftMessage leave(String source, String text) {
        return messages.leave(tenant, "support", ChatVisitor.of("Zoë", "zoe@example.com", null, source), text);
    }

    @Test
    void nobodyAnswersAQueueUntilAMemberLogsInPausedOrNot() {
        assertThat(dispatch.anyoneAnswers(tenant, "support")).isFalse();
        center.agent(new AgentBoard.Login(tenant, ANN.userId(), ANN.extension(), 3));
        center.agent(new AgentBoard.Pause(ANN.userId(), "lunch"));

        assertThat(dispatch.anyoneAnswers(tenant, "support")).isTrue();
        assertThat(dispatch.anyoneAnswers(tenant, "billing")).isFalse();
        assertThat(new AcdChatDispatch(center, AcdChats.people(ANN, BOB), 3).anyoneAnswers(tenant, "billing"))
                .as("not asked to leave messages: chats wait").isTrue();
    }

    @Test
    void aMessageIsStoredUnderTheQueueNumberAsTypedAndOnlyThatQueuesAgentsSeeAndHandleIt() {
        LeftMessage m = leave("192.0.2.1", "  <b>call</b> me  ");

        assertThat(m.queue()).isEqualTo("501");
        assertThat(m.text()).isEqualTo("<b>call</b> me");
        assertThat(messages.forAgent(tenant, "1001", true)).extracting(LeftMessage::id).containsExactly(m.id());
        assertThat(messages.forAgent(tenant, "1002", false)).isEmpty();
        assertThatThrownBy(() -> messages.handled(tenant, "1002", m.id())).isInstanceOf(NoSuchElementException.class);

        LeftMessage done = messages.handled(tenant, "1001", m.id());

        assertThat(done.handledBy()).isEqualTo("1001");
        assertThat(done.handledAt()).isEqualTo(clock.instant());
        assertThat(messages.forAgent(tenant, "1001", true)).isEmpty();
        assertThatThrownBy(() -> messages.handled(tenant, "1001", m.id())).isInstanceOf(IllegalStateException.class);
        assertThat(messages.counts(tenant).get("501")).containsExactly(1, 0);
        assertThat(messages.forTenant(tenant + 1000, false)).as("another tenant's").isEmpty();
    }

    @Test
    void badInputIsNamedAndUnknownQueuesRefused() {
        assertThatThrownBy(() -> leave("192.0.2.1", " ")).isInstanceOf(InvalidChatInput.class)
                .extracting(e -> ((InvalidChatInput) e).field()).isEqualTo("text");
        assertThatThrownBy(() -> leave("192.0.2.1", "x".repeat(ChatLimits.defaults().maxMessageChars() + 1)))
                .isInstanceOf(InvalidChatInput.class);
        assertThatThrownBy(() -> messages.leave(tenant, "nowhere", ChatVisitor.of("Zoë", null, null, "192.0.2.1"),
                "hi")).isInstanceOf(ChatRefused.class).extracting(e -> ((ChatRefused) e).code())
                .isEqualTo("unknown-queue");
        assertThat(messages.forTenant(tenant, false)).isEmpty();
    }

    @Test
    void oneSourceLeavesItsShareAnHourAndAnotherStillMay() {
        for (int i = 0; i < 3; i++) {
            leave("192.0.2.1", "message " + i);
        }

        assertThatThrownBy(() -> leave("192.0.2.1", "one more")).isInstanceOf(ChatRefused.class)
                .extracting(e -> ((ChatRefused) e).code()).isEqualTo("too-many-messages");
        leave("192.0.2.2", "from elsewhere");
        clock.advance(Duration.ofMinutes(61));
        messages.handled(tenant, "1001", messages.forTenant(tenant, true).get(0).id());
        leave("192.0.2.1", "an hour later");
        assertThat(messages.forTenant(tenant, false)).hasSize(5);
    }

    @Test
    void aTenantKeepsAtMostItsOpenMessagesUntilAgentsHandleSome() {
        for (int i = 0; i < 4; i++) {
            leave("192.0.2." + (10 + i), "message " + i);
        }

        assertThatThrownBy(() -> leave("192.0.2.99", "full")).isInstanceOf(ChatRefused.class)
                .extracting(e -> ((ChatRefused) e).code()).isEqualTo("busy");
        messages.handled(tenant, "1001", messages.forTenant(tenant, true).get(0).id());
        leave("192.0.2.99", "room again");
        assertThat(messages.forTenant(tenant, true)).hasSize(4);
    }
}
