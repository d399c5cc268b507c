package com.crosspoint.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Keeps what one logger (and those under it) logs while the capture is open, whatever the level configured,
 * instead of printing it.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level before;
    private final boolean additive;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String name, Level level) {
        logger = (Logger) LoggerFactory.getLogger(name);
        before = logger.getLevel();
        additive = logger.isAdditive();
        logger.setLevel(level);
        logger.setAdditive(false); // kept here, not printed as well
        appender.start();
        logger.addAppender(appender);
    }

    /** Captures {@code name} and below at {@code level} and above. */
    public static LogCapture of(String name, Level level) {
        return new LogCapture(name, level);
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** The events at {@code level} or above, as "LEVEL logger: message" lines. */
    public List<String> atLeast(Level level) {
        return events().stream().filter(e -> e.getLevel().isGreaterOrEqual(level))
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(before);
        logger.setAdditive(additive);
    }
}
