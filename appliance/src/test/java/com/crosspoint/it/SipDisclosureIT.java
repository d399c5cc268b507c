package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.crosspoint.testing.RawSipClient;
import com.crosspoint.testing.RawSipClient.Response;
import com.crosspoint.testing.TestAppliance;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 10 item 7: what a prober learns from the SIP port, and what it costs the log. Before, every answer named
 * the version (Server: Crosspoint/0.1) and a request JAIN-SIP's parser refused was answered with the parser's own
 * exception text as the reason phrase, and a 44 KB bad datagram became a 250 KB log line. Now none of it, and a
 * flood of bad requests leaves the log a few short lines.
 */
class SipDisclosureIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int FLOOD = 200;
    private static TestAppliance pbx;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void answersNameNoVersion() {
        try (RawSipClient client = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            String uri = "sip:" + pbx.sipHostPort();
            Response options = client.send(client.request("OPTIONS", uri, "sip:probe@example.net", uri,
                    UUID.randomUUID() + "@probe", 1, List.of(), null), WAIT);
            Response register = client.send(client.request("REGISTER", uri, "sip:1001@" + pbx.sipHostPort(),
                    "sip:1001@" + pbx.sipHostPort(), UUID.randomUUID() + "@probe", 1, List.of(), null), WAIT);
            for (Response r : List.of(options, register)) {
                assertThat(r.header("server")).isEqualTo("Crosspoint");
                assertThat(r.headers()).doesNotContainKeys("user-agent", "warning");
            }
        }
    }

    @Test
    void aRequestTheParserRefusesIsAnsweredWithoutItsText() {
        try (RawSipClient client = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            for (String bad : List.of("CSeq: one OPTIONS", "Via: SIP/2.0/UDP", "From: <sip:probe@exa mple.net>;tag=1")) {
                Response r = client.send(malformed(client, bad), WAIT);
                assertThat(r.status()).as(bad).isEqualTo(400);
                assertThat(r.reason()).as(bad).isEqualTo("Bad Request (Malformed message)");
                assertThat(r.headers()).as(bad).doesNotContainKeys("user-agent", "warning");
            }
        }
    }

    @Test
    void aFloodOfBadRequestsCostsTheLogAFewLines() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try (RawSipClient client = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            for (int i = 0; i < FLOOD; i++) {
                String request = i % 2 == 0 ? malformed(client, "CSeq: one OPTIONS")
                        : client.request("OPTIONS", "sip:" + pbx.sipHostPort(), "sip:probe@example.net",
                                "sip:" + pbx.sipHostPort(), "c".repeat(300) + i, 1, List.of(), null);
                assertThat(client.send(request, WAIT).status()).isEqualTo(400);
            }
        } finally {
            root.detachAppender(log);
        }
        List<ILoggingEvent> loud = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
        assertThat(loud).as("warnings for %d bad requests", FLOOD).hasSizeLessThanOrEqualTo(3);
        assertThat(loud).noneMatch(e -> e.getThrowableProxy() != null);
    }

    @Test
    void aHugeBadDatagramCostsTheLogOneShortLine() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try (RawSipClient client = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            // 44 KB without CSeq or Call-ID: JAIN-SIP fails on it and logs the packet, as a list of its bytes.
            client.sendCollect("OPTIONS sip:127.0.0.1 SIP/2.0\r\n" + "X-Bomb: a\r\n".repeat(4000) + "\r\n",
                    Duration.ofSeconds(1), true);
        } finally {
            root.detachAppender(log);
        }
        assertThat(log.list).allSatisfy(e -> assertThat(e.getFormattedMessage().length()).isLessThan(2000));
    }

    /** An OPTIONS with one header JAIN-SIP's parser cannot read. */
    private static String malformed(RawSipClient client, String badHeader) {
        String uri = "sip:" + pbx.sipHostPort();
        String request = client.request("OPTIONS", uri, "sip:probe@example.net", uri, UUID.randomUUID() + "@probe", 1,
                List.of(), null);
        String name = badHeader.substring(0, badHeader.indexOf(':'));
        if (request.contains(name + ":")) {
            return request.replaceFirst("(?m)^" + name + ":[^\r]*", badHeader);
        }
        return request.replace("Content-Length:", badHeader + "\r\nContent-Length:");
    }
}
