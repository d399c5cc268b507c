package com.crosspoint.sip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TooManyListenersException;
import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the JAIN-SIP stack: its listening points (UDP and TCP on one port, TLS when configured)
 * and the one provider that carries them all.
 */
public final class SipServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipServer.class);

    private static final java.util.concurrent.atomic.AtomicInteger STARTS = new java.util.concurrent.atomic.AtomicInteger();
    /**
     * Dialogs whose requests follow a flow, at most: far above the calls a node carries (sip.calls.maxCalls, a few
     * phone dialogs each), and about 15 MB when full (docs/security.md).
     */
    static final int DIALOG_FLOWS = 100_000;

    private final SipStack stack;
    private final SipProvider provider;
    private final SipMessages messages;
    private final int port;

    private final String stackName;
    private final FlowTable flows;

    private SipServer(SipStack stack, String stackName, FlowTable flows, SipProvider provider, SipMessages messages, int port) {
        this.stackName = stackName;
        this.flows = flows;
        this.stack = stack;
        this.provider = provider;
        this.messages = messages;
        this.port = port;
    }

    /**
     * Binds the listening points and creates the provider; requests flow once a listener is set.
     *
     * @throws IllegalStateException when the stack cannot start or the ports cannot be bound
     */
    public static SipServer start(String name, SipSettings s) {
        return start(name, s, null);
    }

    /**
     * As {@link #start(String, SipSettings)}, with {@code stun} answering the STUN datagrams of the UDP port (RFC 5626
     * keepalives) before JAIN-SIP sees them; null leaves the port to JAIN-SIP alone.
     */
    public static SipServer start(String name, SipSettings s, StunTap stun) {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        SipStack stack;
        String stackName;
        FlowTable flows = new FlowTable();
        EdgeRefusals refusals = new EdgeRefusals(Duration.ofSeconds(s.limits().reportSeconds()), System::currentTimeMillis);
        ConnectionGuard connections = new ConnectionGuard(s.limits().tcpConnectionsPerSource(),
                Duration.ofSeconds(s.limits().tcpIdleSeconds()).toMillis(), flows, refusals, System::currentTimeMillis);
        DialogFlows dialogs = new DialogFlows(DIALOG_FLOWS);
        FlowFailures failures = new FlowFailures(connections, java.time.Clock.systemUTC());
        try {
            // SipFactory hands back an existing stack of the same name, even a stopped one with other
            // settings: every start gets a name of its own.
            stackName = name + "-" + STARTS.incrementAndGet();
            StackAttachments.attach(stackName, new StackAttachments.Attached(flows, dialogs, failures, connections, stun));
            stack = factory.createSipStack(SipStackProperties.of(stackName, s));
        } catch (javax.sip.PeerUnavailableException e) {
            throw new IllegalStateException("cannot create the SIP stack: " + e.getMessage(), e);
        }
        try {
            int wanted = s.port() == 0 ? FreePort.udpAndTcp(s.bindAddress()) : s.port();
            ListeningPoint udp = stack.createListeningPoint(s.bindAddress(), wanted, ListeningPoint.UDP);
            int port = udp.getPort();
            List<ListeningPoint> more = new ArrayList<>();
            more.add(stack.createListeningPoint(s.bindAddress(), port, ListeningPoint.TCP));
            if (s.tlsEnabled()) {
                more.add(stack.createListeningPoint(s.bindAddress(), s.tlsPort(), ListeningPoint.TLS));
            }
            GuardedMessageProcessorFactory.auditIdle(stack, connections);
            SipProvider provider = stack.createSipProvider(udp);
            for (ListeningPoint lp : more) {
                provider.addListeningPoint(lp);
            }
            AddressFactory af = factory.createAddressFactory();
            HeaderFactory hf = factory.createHeaderFactory();
            MessageFactory mf = factory.createMessageFactory();
            SipMessages messages = new SipMessages(provider, af, hf, mf, s.advertisedAddress(), port,
                    s.tlsEnabled() ? s.tlsPort() : -1, refusals, dialogs, failures);
            LOG.info("SIP listening on {}:{} (UDP, TCP{})", s.bindAddress(), port, s.tlsEnabled() ? ", TLS " + s.tlsPort() : "");
            return new SipServer(stack, stackName, flows, provider, messages, port);
        } catch (javax.sip.TransportNotSupportedException | javax.sip.InvalidArgumentException
                 | javax.sip.ObjectInUseException | javax.sip.PeerUnavailableException
                 | javax.sip.TransportAlreadySupportedException e) {
            stack.stop();
            StackAttachments.detach(stackName);
            throw new IllegalStateException("cannot listen on " + s.bindAddress() + ":" + s.port() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            stack.stop();
            StackAttachments.detach(stackName);
            throw e;
        }
    }

    public void listen(SipListener listener) {
        try {
            provider.addSipListener(listener);
        } catch (TooManyListenersException e) {
            throw new IllegalStateException("a SIP listener is already registered", e);
        }
    }

    /** Which TCP/TLS flows of registrations failed; feed it registration events and run its check every second. */
    public FlowFailures flowFailures() {
        return messages.flowFailures();
    }

    /** Connections of phones registered over TCP/TLS; feed it registration events. */
    public FlowTable flows() {
        return flows;
    }

    public SipMessages messages() {
        return messages;
    }

    /** The UDP/TCP port actually bound (differs from the setting when that was 0). */
    public int port() {
        return port;
    }

    @Override
    public void close() {
        stack.stop();
        StackAttachments.detach(stackName);
    }
}
