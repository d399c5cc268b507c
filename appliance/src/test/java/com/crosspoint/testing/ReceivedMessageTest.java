package com.crosspoint.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceivedMessageTest {

    @Test
    void parsesTheLineBaresipPrintsForAnIncomingMessage() {
        String raw = "\u001B[0msip:1001@127.0.0.1:15060: \"hello from 1001\"";

        assertThat(ReceivedMessage.parse(AnsiText.strip(raw)))
                .contains(new ReceivedMessage("sip:1001@127.0.0.1:15060", "hello from 1001"));
    }

    @Test
    void ignoresOtherStatusLines() {
        assertThat(ReceivedMessage.parse("1002@127.0.0.1: Call established: sip:1001@127.0.0.1")).isEmpty();
        assertThat(ReceivedMessage.parse("sip:1001@127.0.0.1: Call with sip:1002@127.0.0.1 terminated")).isEmpty();
        assertThat(ReceivedMessage.parse("stream: incoming rtp for 'audio' established")).isEmpty();
    }

    @Test
    void stripsColourAndCursorSequences() {
        assertThat(AnsiText.strip("\u001B[32mOK \u001B[;m kamailio \u001B[?25h")).isEqualTo("OK  kamailio ");
    }
}
