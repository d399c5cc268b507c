package com.crosspoint.sip;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every SIP message on the wire at DEBUG under {@code sip.wire}: switch it on to diagnose a call. */
public final class Slf4jServerLogger implements ServerLogger {
    private static final Logger WIRE = LoggerFactory.getLogger("sip.wire");

    @Override
    public void closeLogFile() {
        // Nothing to close: SLF4J owns the output.
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        log(message, from, to, sender);
    }

    private static void log(SIPMessage message, String from, String to, boolean sender) {
        if (WIRE.isDebugEnabled()) {
            WIRE.debug("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, message.encode());
        }
    }

    @Override
    public void logException(Exception ex) {
        WIRE.debug("stack exception", ex);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // Configuration comes from the SLF4J backend.
    }

    @Override
    public void setSipStack(javax.sip.SipStack sipStack) {
        // Not needed: messages carry all we log.
    }
}
