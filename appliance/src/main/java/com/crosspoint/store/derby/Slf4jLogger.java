package com.crosspoint.store.derby;

import java.util.logging.Level;
import liquibase.logging.core.AbstractLogger;
import org.slf4j.Logger;

/**
 * One Liquibase logger on SLF4J. Liquibase reports every step of a migration at INFO, which is
 * start-up noise for the appliance, so INFO goes to DEBUG and finer levels to TRACE.
 */
final class Slf4jLogger extends AbstractLogger {
    private final Logger log;

    Slf4jLogger(Logger log) {
        this.log = log;
    }

    @Override
    public void log(Level level, String message, Throwable e) {
        int value = level.intValue();
        if (value == Level.OFF.intValue()) {
            // OFF is a threshold, not a message level: Liquibase uses it for messages meant to be silent
            return;
        }
        if (value >= Level.SEVERE.intValue()) {
            log.error(message, e);
        } else if (value >= Level.WARNING.intValue()) {
            log.warn(message, e);
        } else if (value >= Level.INFO.intValue()) {
            log.debug(message, e);
        } else {
            log.trace(message, e);
        }
    }

    /** SLF4J loggers are shared and hold nothing to release. */
    @Override
    public void close() {
        // narrows Logger.close() so that it throws nothing
    }
}
