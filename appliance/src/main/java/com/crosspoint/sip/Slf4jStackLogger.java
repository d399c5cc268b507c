package com.crosspoint.sip;

import gov.nist.core.StackLogger;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends JAIN-SIP's own log to SLF4J, so the stack needs no log4j on the classpath. The stack logs
 * a line per message at INFO/TRACE_MESSAGES; those go to DEBUG here.
 */
public final class Slf4jStackLogger implements StackLogger {
    private Logger log = LoggerFactory.getLogger("jainsip");
    /** Longest message passed on: the stack puts whole packets into some (as byte lists, five characters a byte). */
    static final int MAX_MESSAGE = 1000;
    /** What the stack reports often comes from what a remote party sent: a stack trace at most once a minute. */
    private final TraceBudget traces = new TraceBudget(Duration.ofMinutes(1), System::currentTimeMillis);

    @Override
    public void logStackTrace() {
        if (log.isDebugEnabled()) {
            log.debug("stack trace", new Throwable());
        }
    }

    @Override
    public void logStackTrace(int traceLevel) {
        logStackTrace();
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        if (traces.spend()) {
            log.warn("stack exception", ex);
        } else {
            log.warn("stack exception: {}", ex.toString());
        }
    }

    @Override
    public void logDebug(String message) {
        log.debug(message);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        log.debug(message, ex);
    }

    @Override
    public void logTrace(String message) {
        log.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        log.error(clip(message));
    }

    @Override
    public void logError(String message) {
        log.error(clip(message));
    }

    @Override
    public boolean isLoggingEnabled() {
        return log.isWarnEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (logLevel <= TRACE_ERROR) {
            return log.isErrorEnabled();
        } else if (logLevel <= TRACE_WARN) {
            return log.isWarnEnabled();
        } else if (logLevel < TRACE_DEBUG) {
            // TRACE_INFO (also TRACE_MESSAGES' neighbour) is per-message chatter.
            return log.isDebugEnabled();
        }
        return log.isTraceEnabled();
    }

    @Override
    public void logError(String message, Exception ex) {
        if (traces.spend()) {
            log.error(clip(message), ex);
        } else {
            log.error("{}: {}", clip(message), String.valueOf(ex));
        }
    }

    @Override
    public void logWarning(String message) {
        // The stack announces its TLS defaults at every start, TLS configured or not, and warns for
        // every request our EdgeValve answered itself: neither is worth a warning.
        if (message != null && (message.contains("TLS") || message.contains("tls security policy")
                || message.contains("Null request interface returned")
                || message.contains("keystore type") || message.contains("truststore type"))) {
            log.debug(message);
        } else {
            log.warn(clip(message));
        }
    }

    /** A flood of large bad packets must not become a flood of large log lines. */
    static String clip(String message) {
        if (message == null || message.length() <= MAX_MESSAGE) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE) + "... (" + (message.length() - MAX_MESSAGE) + " more characters)";
    }

    @Override
    public void logInfo(String message) {
        log.debug(message);
    }

    @Override
    public void disableLogging() {
        // Levels are governed by the SLF4J backend's configuration.
    }

    @Override
    public void enableLogging() {
        // Levels are governed by the SLF4J backend's configuration.
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        log.debug("JAIN-SIP build {}", buildTimeStamp);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        log = LoggerFactory.getLogger("jainsip." + stackProperties.getProperty("javax.sip.STACK_NAME", "stack"));
    }

    @Override
    public String getLoggerName() {
        return log.getName();
    }
}
