package com.crosspoint.sip;

import java.util.Properties;

/** The one place that turns settings into JAIN-SIP stack properties (tuning per stack-notes). */
final class SipStackProperties {
    private SipStackProperties() {
    }

    static Properties of(String stackName, SipSettings s) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", stackName);
        // NIO carries UDP, TCP, TLS and (later) WS/WSS with one processor model; TCP and TLS behind the
        // stack's ConnectionGuard (connections per source, idle timeout).
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", GuardedMessageProcessorFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(s.stackThreads()));
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(s.udpBufferBytes()));
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(s.udpBufferBytes()));
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", StrictMessageParserFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE", EdgeValve.class.getName());
        p.setProperty("javax.sip.ROUTER_PATH", FlowRouter.class.getName());
        // A B2BUA terminates every dialog itself; the stack tracks dialogs it creates for us.
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        // Answer 481 for in-dialog requests to dialogs we do not know instead of passing them up.
        p.setProperty("gov.nist.javax.sip.AUTOMATIC_DIALOG_ERROR_HANDLING", "true");
        // Torture messages (RFC 4475): bounded sizes, no endless waits on stream transports.
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "5000");
        // Above 80 % of this the stack drops new requests at random. Every UDP non-INVITE server transaction
        // lingers 64*T1 = 32 s (Timer J), and a REGISTER with digest makes two (401, 200): 20000 throttled
        // registration at about 250/s sustained. 200000 carries 2500 REGISTER/s and still bounds memory.
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "200000");
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "20000");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        if (s.tlsEnabled()) {
            p.setProperty("javax.net.ssl.keyStore", s.keystore().toString());
            p.setProperty("javax.net.ssl.keyStorePassword", s.keystorePassword());
            p.setProperty("javax.net.ssl.keyStoreType", s.keystoreType());
            p.setProperty("javax.net.ssl.trustStore", s.keystore().toString());
            p.setProperty("javax.net.ssl.trustStorePassword", s.keystorePassword());
            p.setProperty("javax.net.ssl.trustStoreType", s.keystoreType());
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3,TLSv1.2");
            p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES",
                    "TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384,"
                            + "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        }
        return p;
    }
}
