package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.crosspoint.testing.LogCapture;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Log amplification (issue 10, item 7): a failed request logs one line; its stack trace at most once a minute. */
class ErrorMapperTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aRepeatedFailureLogsOneLineEachAndItsStackTraceOnceAMinute() {
        ErrorMapper errors = new ErrorMapper(clock);
        try (LogCapture log = LogCapture.of(ErrorMapper.class.getName(), Level.DEBUG)) {
            for (int i = 0; i < 50; i++) {
                assertThat(errors.toReply(new IllegalStateException("boom " + i), "GET /api/v1/x").status())
                        .isEqualTo(500);
            }
            now = now.plus(ErrorMapper.TRACE_EVERY);
            errors.toReply(new IllegalStateException("later"), "GET /api/v1/x");
            errors.toReply(new ArithmeticException("other kind"), "GET /api/v1/y");

            List<ILoggingEvent> events = log.events();
            assertThat(events).hasSize(52).allMatch(e -> e.getLevel() == Level.ERROR)
                    .allMatch(e -> !e.getFormattedMessage().contains("\n"));
            assertThat(events.stream().filter(e -> e.getThrowableProxy() != null)
                    .map(ILoggingEvent::getFormattedMessage))
                    .containsExactly("GET /api/v1/x failed: java.lang.IllegalStateException: boom 0",
                            "GET /api/v1/x failed: java.lang.IllegalStateException: later",
                            "GET /api/v1/y failed: java.lang.ArithmeticException: other kind");
            assertThat(events.get(1).getFormattedMessage()).contains("boom 1").contains("at most once a minute");
        }
    }

    @Test
    void clientMistakesAreNotLogged() {
        try (LogCapture log = LogCapture.of(ErrorMapper.class.getName(), Level.DEBUG)) {
            new ErrorMapper(clock).toReply(ApiException.badRequest("from", "bad"), "GET /x");
            assertThat(log.events()).isEmpty();
        }
    }
}
