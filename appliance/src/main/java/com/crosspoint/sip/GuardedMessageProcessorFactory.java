package com.crosspoint.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.NioTlsMessageProcessor;
import gov.nist.javax.sip.stack.SIPStackTimerTask;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import javax.sip.ListeningPoint;
import javax.sip.SipStack;

/**
 * JAIN-SIP's NIO message processors (named in the stack properties), with the stack's {@link ConnectionGuard} in
 * front of the TCP and TLS ports: each accepted connection is admitted or refused; {@link #auditIdle} closes the
 * idle ones on the stack's own timer; the UDP socket demultiplexes STUN (RFC 7983) away from the stack when a
 * {@link StunTap} is attached. The rest is JAIN-SIP's own.
 */
public final class GuardedMessageProcessorFactory extends NioMessageProcessorFactory {
    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
                                                   String transport) throws IOException {
        var attached = StackAttachments.of(((SipStackImpl) stack).getStackName());
        Admission admission = attached.map(a -> new Admission(a.connections())).orElse(null);
        StunTap stun = attached.map(StackAttachments.Attached::stun).orElse(null);
        if (stun != null && transport.equalsIgnoreCase(ListeningPoint.UDP)) {
            return new DemultiplexedUdp(address, stack, port, stun);
        }
        if (admission != null && transport.equalsIgnoreCase(ListeningPoint.TCP)) {
            return new GuardedTcp(address, stack, port, admission);
        }
        if (admission != null && transport.equalsIgnoreCase(ListeningPoint.TLS)) {
            return new GuardedTls(address, stack, port, admission);
        }
        return super.createMessageProcessor(stack, address, port, transport);
    }

    /**
     * Runs the guard's idle audit on the stack's own timer (stopped with the stack), every
     * {@link ConnectionGuard#auditPeriodMillis}; called once the listening points exist.
     */
    static void auditIdle(SipStack stack, ConnectionGuard guard) {
        long period = guard.auditPeriodMillis();
        ((SIPTransactionStack) stack).getTimer().scheduleWithFixedDelay(new IdleAudit(guard), period, period);
    }

    /**
     * What the TCP and the TLS processor do alike (they extend different JAIN-SIP classes). A refused connection
     * gets its input shut before the stack registers it with its selector: the first read sees end of stream and
     * the stack closes it as it closes any connection whose peer hung up. (Closing it here would make the stack log
     * an error with a stack trace for every refused connection.)
     */
    private record Admission(ConnectionGuard guard) {
        NioTcpMessageChannel admit(NioTcpMessageChannel channel, SocketChannel client) throws IOException {
            if (!guard.admit(new Accepted(channel))) {
                client.socket().shutdownInput();
            }
            return channel;
        }
    }

    private static final class GuardedTcp extends NioTcpMessageProcessor {
        private final Admission admission;

        GuardedTcp(InetAddress address, SIPTransactionStack stack, int port, Admission admission) {
            super(address, stack, port);
            this.admission = admission;
        }

        @Override
        public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
                throws IOException {
            return admission.admit(super.createMessageChannel(processor, client), client);
        }
    }

    private static final class GuardedTls extends NioTlsMessageProcessor {
        private final Admission admission;

        GuardedTls(InetAddress address, SIPTransactionStack stack, int port, Admission admission) {
            super(address, stack, port);
            this.admission = admission;
        }

        @Override
        public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
                throws IOException {
            return admission.admit(super.createMessageChannel(processor, client), client);
        }
    }

    /**
     * JAIN-SIP's UDP processor on a {@link DemultiplexingDatagramSocket}. The processor binds its socket in its
     * constructor and starts reading only in {@code start()}, so the socket is swapped for ours in between: same
     * address, same port, same buffer sizes. The stack sends its UDP from this socket too, once its {@code udpFlag}
     * says a UDP processor exists: JAIN-SIP's own factory sets that package-private flag when it makes the processor,
     * so it is set here the only way there is, by reflection. Without it every request would leave from a fresh
     * ephemeral socket and the answers (sent back to the source, RFC 3581) would be lost.
     */
    private static final class DemultiplexedUdp extends UDPMessageProcessor {
        DemultiplexedUdp(InetAddress address, SIPTransactionStack stack, int port, StunTap stun) throws IOException {
            super(address, stack, port);
            sendFromTheProcessorSocket(stack);
            InetSocketAddress bound = (InetSocketAddress) sock.getLocalSocketAddress();
            sock.close();
            DatagramSocket demultiplexing = new DemultiplexingDatagramSocket(bound, stun);
            demultiplexing.setReceiveBufferSize(stack.getReceiveUdpBufferSize());
            demultiplexing.setSendBufferSize(stack.getSendUdpBufferSize());
            sock = demultiplexing;
        }

        private static void sendFromTheProcessorSocket(SIPTransactionStack stack) {
            try {
                java.lang.reflect.Field udpFlag = SIPTransactionStack.class.getDeclaredField("udpFlag");
                udpFlag.setAccessible(true);
                udpFlag.setBoolean(stack, true);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("this JAIN-SIP has no udpFlag to set: STUN demultiplexing needs it", e);
            }
        }
    }

    /** An accepted JAIN-SIP channel as the guard sees it. */
    private record Accepted(NioTcpMessageChannel channel) implements ConnectionGuard.Connection {
        @Override
        public String host() {
            return channel.getPeerAddress();
        }

        @Override
        public int port() {
            return channel.getPeerPort();
        }

        @Override
        public boolean isOpen() {
            return channel.getSocketChannel().isOpen();
        }

        @Override
        public long lastActivityMillis() {
            return channel.getLastActivityTimestamp();
        }

        @Override
        public void close() {
            channel.close();
        }
    }

    /** The guard's idle audit on the stack's timer. */
    private static final class IdleAudit extends SIPStackTimerTask {
        private final ConnectionGuard guard;

        IdleAudit(ConnectionGuard guard) {
            this.guard = guard;
        }

        @Override
        public void runTask() {
            guard.closeIdle();
        }

        @Override
        public Object getThreadHash() {
            return null;
        }
    }
}
