package com.crosspoint.proxy.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.transport.Flow;
import com.crosspoint.proxy.transport.Sender;
import com.crosspoint.proxy.transport.Transport;
import com.crosspoint.proxy.wire.ScanLimits;
import com.crosspoint.proxy.wire.ScanOutcome;
import com.crosspoint.proxy.wire.SipMessage;
import com.crosspoint.proxy.wire.SipScanner;
import com.crosspoint.proxy.wire.Method;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The RFC 3261 §17 timers of both transaction kinds, with time moved by hand (T1 500, T2 4000, T4 5000). */
class TransactionTimersTest {
    private static final TimerSettings TIMERS = new TimerSettings(500, 4000, 5000, 32_000, 181_000);
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 5099);
    private static final String OPTIONS = "OPTIONS sip:b@127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKcx0000000000000001.0\r\n"
            + "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:b@127.0.0.1>\r\nCall-ID: t@1\r\nCSeq: 1 OPTIONS\r\n"
            + "Content-Length: 0\r\n\r\n";

    private final AtomicLong nanos = new AtomicLong();
    private final TimerWheel wheel = new TimerWheel(nanos::get, 10, 512);
    private final List<Long> sentAt = new ArrayList<>();
    private final Object lock = new Object();
    private final Sender sender = new Sender() {
        @Override
        public void send(Destination to, byte[] bytes, int offset, int length) {
            sentAt.add(nanos.get() / 1_000_000L);
        }

        @Override
        public void reply(Flow flow, byte[] bytes, int offset, int length) {
            sentAt.add(nanos.get() / 1_000_000L);
        }
    };

    private void advanceTo(long millis) {
        while (nanos.get() < millis * 1_000_000L) {
            nanos.addAndGet(10_000_000L);
            wheel.advance();
        }
    }

    @Test
    void aNonInviteClientRetransmitsDoublingUpToT2AndTimesOutAtF() {
        AtomicInteger timeouts = new AtomicInteger();
        AtomicInteger ended = new AtomicInteger();
        ClientTransaction tx = new ClientTransaction(lock, "b", false, new Destination(Transport.UDP, PEER),
                OPTIONS.getBytes(StandardCharsets.US_ASCII), sender, wheel, TIMERS, listener(timeouts), ended::incrementAndGet);
        tx.start();
        advanceTo(31_990);
        // Timer E: 500, 1000, 2000, 4000, then every T2 (4000)
        assertThat(sentAt).containsExactly(0L, 500L, 1500L, 3500L, 7500L, 11500L, 15500L, 19500L, 23500L, 27500L, 31500L);
        assertThat(timeouts).hasValue(0);
        advanceTo(32_000);
        assertThat(timeouts).hasValue(1); // Timer F
        assertThat(ended).hasValue(1);
        assertThat(tx.state()).isEqualTo(ClientTransaction.State.TERMINATED);
    }

    @Test
    void aNonInviteClientStopsOnItsFinalAnswerAndLingersForK() {
        AtomicInteger ended = new AtomicInteger();
        ClientTransaction tx = new ClientTransaction(lock, "b", false, new Destination(Transport.UDP, PEER),
                OPTIONS.getBytes(StandardCharsets.US_ASCII), sender, wheel, TIMERS, listener(new AtomicInteger()),
                ended::incrementAndGet);
        tx.start();
        advanceTo(600);
        tx.onResponse(response(200));
        assertThat(tx.state()).isEqualTo(ClientTransaction.State.COMPLETED);
        advanceTo(5500);
        assertThat(ended).hasValue(0);
        advanceTo(5610); // Timer K = T4 after the answer
        assertThat(ended).hasValue(1);
        assertThat(sentAt).containsExactly(0L, 500L);
    }

    @Test
    void anInviteServerRetransmitsItsErrorUntilAckedThenAbsorbsForI() {
        AtomicInteger ended = new AtomicInteger();
        ServerTransaction tx = new ServerTransaction(lock, TransactionKey.of("b", "h:1", Method.INVITE), Flow.udp(PEER),
                new byte[0], sender, wheel, TIMERS, ended::incrementAndGet);
        tx.sendFinal(new byte[] {1}, 486);
        advanceTo(7600);
        // Timer G: 500, 1000, 2000, 4000 (capped at T2)
        assertThat(sentAt).containsExactly(0L, 500L, 1500L, 3500L, 7500L);
        tx.onAck();
        assertThat(tx.state()).isEqualTo(ServerTransaction.State.CONFIRMED);
        tx.onRetransmission();
        advanceTo(12_590);
        assertThat(sentAt).hasSize(5);
        assertThat(ended).hasValue(0);
        advanceTo(12_610); // Timer I = T4 after the ACK
        assertThat(ended).hasValue(1);
    }

    @Test
    void anInviteServerWithoutAckEndsAtH() {
        AtomicInteger ended = new AtomicInteger();
        ServerTransaction tx = new ServerTransaction(lock, TransactionKey.of("b", "h:1", Method.INVITE), Flow.udp(PEER),
                new byte[0], sender, wheel, TIMERS, ended::incrementAndGet);
        tx.sendFinal(new byte[] {1}, 500);
        advanceTo(31_990);
        assertThat(ended).hasValue(0);
        advanceTo(32_010);
        assertThat(ended).hasValue(1);
    }

    @Test
    void aNonInviteServerAnswersRetransmissionsUntilJ() {
        AtomicInteger ended = new AtomicInteger();
        ServerTransaction tx = new ServerTransaction(lock, TransactionKey.of("b", "h:1", Method.OPTIONS), Flow.udp(PEER),
                new byte[0], sender, wheel, TIMERS, ended::incrementAndGet);
        tx.sendFinal(new byte[] {1}, 200);
        advanceTo(1000);
        tx.onRetransmission();
        assertThat(sentAt).containsExactly(0L, 1000L);
        advanceTo(32_010);
        assertThat(ended).hasValue(1);
        tx.onRetransmission();
        assertThat(sentAt).hasSize(2);
    }

    @Test
    void overTcpNothingIsRetransmittedAndAnsweredTransactionsEndAtOnce() {
        AtomicInteger ended = new AtomicInteger();
        ServerTransaction tx = new ServerTransaction(lock, TransactionKey.of("b", "h:1", Method.OPTIONS),
                new Flow(Transport.TCP, PEER, null), new byte[0], sender, wheel, TIMERS, ended::incrementAndGet);
        tx.sendFinal(new byte[] {1}, 200);
        advanceTo(20);
        assertThat(ended).hasValue(1);
        ClientTransaction client = new ClientTransaction(lock, "c", true, new Destination(Transport.TCP, PEER),
                OPTIONS.getBytes(StandardCharsets.US_ASCII), sender, wheel, TIMERS, listener(new AtomicInteger()), () -> { });
        client.start();
        advanceTo(10_000);
        assertThat(sentAt).containsExactly(0L, 20L);
    }

    private static ClientListener listener(AtomicInteger timeouts) {
        return new ClientListener() {
            @Override
            public void onResponse(ClientTransaction transaction, SipMessage response) {
                // not under test here
            }

            @Override
            public void onTimeout(ClientTransaction transaction) {
                timeouts.incrementAndGet();
            }
        };
    }

    private static SipMessage response(int status) {
        String text = OPTIONS.replace("OPTIONS sip:b@127.0.0.1 SIP/2.0", "SIP/2.0 " + status + " OK")
                .replace("To: <sip:b@127.0.0.1>", "To: <sip:b@127.0.0.1>;tag=2");
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        SipScanner scanner = new SipScanner(ScanLimits.DEFAULT);
        SipMessage m = scanner.newMessage();
        assertThat(scanner.scan(b, 0, b.length, true, m)).isEqualTo(ScanOutcome.ACCEPTED);
        return m;
    }
}
