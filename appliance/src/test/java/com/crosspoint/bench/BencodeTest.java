package com.crosspoint.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ng protocol's encoding as rtpengine reads and writes it. */
class BencodeTest {

    @Test
    void anOfferEncodesAsKamailioSendsIt() {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("command", "offer");
        offer.put("call-id", "c1");
        offer.put("replace", List.of("origin", "session-connection"));
        assertThat(new String(Bencode.encode(offer), StandardCharsets.US_ASCII))
                .isEqualTo("d7:command5:offer7:call-id2:c17:replacel6:origin18:session-connectionee");
    }

    @Test
    void aReplyDecodesWithItsKeysInTheOrderWritten() {
        byte[] reply = "abc d3:sdp8:v=0\r\nm=x6:result2:ok5:portsli30000ei30001eee".getBytes(StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        Map<String, Object> decoded = (Map<String, Object>) Bencode.decode(reply, 4);
        assertThat(decoded).containsExactly(Map.entry("sdp", "v=0\r\nm=x"), Map.entry("result", "ok"),
                Map.entry("ports", List.of(30000L, 30001L)));
    }

    @Test
    void truncatedInputIsRefused() {
        assertThatThrownBy(() -> Bencode.decode("d3:sdp".getBytes(StandardCharsets.US_ASCII), 0))
                .isInstanceOf(RuntimeException.class);
    }
}
