package com.crosspoint.sip.mwi;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.model.MailboxCounts;
import org.junit.jupiter.api.Test;

/** The RFC 3842 §5.2 body, byte for byte. */
class MessageSummaryTest {

    @Test
    void newMessagesWait() {
        assertThat(MessageSummary.body("sip:1002@acme.example.com", new MailboxCounts(2, 5))).isEqualTo(
                "Messages-Waiting: yes\r\nMessage-Account: sip:1002@acme.example.com\r\nVoice-Message: 2/5 (0/0)\r\n");
    }

    @Test
    void onlyHeardMessagesMeanNothingWaits() {
        assertThat(MessageSummary.body("sip:1002@acme.example.com", new MailboxCounts(0, 3)))
                .startsWith("Messages-Waiting: no\r\n").contains("Voice-Message: 0/3 (0/0)\r\n");
    }
}
