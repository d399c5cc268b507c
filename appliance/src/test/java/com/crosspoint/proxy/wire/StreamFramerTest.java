package com.crosspoint.proxy.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamFramerTest {
    private final StreamFramer framer = new StreamFramer(1024);

    private int frame(String text) {
        byte[] b = Vectors.crlf(text);
        return framer.frame(b, 0, b.length);
    }

    @Test
    void aMessageEndsWhereContentLengthSays() {
        String message = "OPTIONS sip:a@b SIP/2.0\nl: 3\n\nabc";
        assertThat(frame(message)).isEqualTo(Vectors.crlf(message).length);
        assertThat(frame(message + "OPTIONS sip:next")).isEqualTo(Vectors.crlf(message).length);
    }

    @Test
    void anIncompleteMessageWaitsForMore() {
        assertThat(frame("OPTIONS sip:a@b SIP/2.0\nContent-Length: 10\n\nabc")).isEqualTo(StreamFramer.NEED_MORE);
        assertThat(frame("OPTIONS sip:a@b SIP/2.0\nContent-Le")).isEqualTo(StreamFramer.NEED_MORE);
    }

    @Test
    void aStreamWithoutUsableContentLengthIsBroken() {
        assertThat(frame("OPTIONS sip:a@b SIP/2.0\nVia: x\n\n")).isEqualTo(StreamFramer.BROKEN);
        assertThat(frame("OPTIONS sip:a@b SIP/2.0\nContent-Length: -1\n\n")).isEqualTo(StreamFramer.BROKEN);
        assertThat(frame("OPTIONS sip:a@b SIP/2.0\nl: 1\nContent-Length: 1\n\nx")).isEqualTo(StreamFramer.BROKEN);
        assertThat(frame("OPTIONS sip:a@b SIP/2.0\nContent-Length: 5000\n\n")).isEqualTo(StreamFramer.BROKEN);
        byte[] noEnd = new byte[1024];
        assertThat(framer.frame(noEnd, 0, noEnd.length)).isEqualTo(StreamFramer.BROKEN);
    }

    @Test
    void keepAlivesBeforeAMessageAreSkipped() {
        byte[] b = Vectors.crlf("\n\nOPTIONS");
        assertThat(StreamFramer.leadingCrlf(b, 0, b.length)).isEqualTo(4);
    }
}
