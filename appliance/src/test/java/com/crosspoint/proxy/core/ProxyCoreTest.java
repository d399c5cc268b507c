package com.crosspoint.proxy.core;

import static com.crosspoint.proxy.core.ProxyTestBed.UAC;
import static com.crosspoint.proxy.core.ProxyTestBed.FIRST;
import static com.crosspoint.proxy.core.ProxyTestBed.SECOND;
import static com.crosspoint.proxy.core.ProxyTestBed.TIMERS;
import static com.crosspoint.proxy.core.SipFixtures.answer;
import static com.crosspoint.proxy.core.SipFixtures.header;
import static com.crosspoint.proxy.core.SipFixtures.invite;
import static com.crosspoint.proxy.core.SipFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.proxy.core.RecordingSender.Sent;
import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.transport.Transport;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The §16 proxy logic end to end without sockets: messages in through {@link ProxyCore#onMessage},
 * what it sends recorded, time moved by hand. UAC 127.0.0.1:5061; targets 127.0.0.2 and 127.0.0.3.
 */
class ProxyCoreTest {
    private final ProxyTestBed bed = new ProxyTestBed();
    private ProxyCore core = core(ProxySettings.defaults("127.0.0.1", 5070).withTimers(TIMERS),
            List.of(new Destination(Transport.UDP, FIRST), new Destination(Transport.UDP, SECOND)));

    private ProxyCore core(ProxySettings settings, List<Destination> targets) {
        return bed.core(settings, new StaticTargetResolver(targets));
    }

    private List<Sent> deliver(String text, InetSocketAddress from) {
        return bed.deliver(core, text, from);
    }

    private List<Sent> advance(long millis) {
        return bed.advance(millis);
    }

    private static String statusLine(int status, String reason) {
        return "SIP/2.0 " + status + " " + reason;
    }

    /** INVITE in; returns the INVITE forwarded to the first target after checking the 100 Trying. */
    private String inviteToFirst(String branch, String callId) {
        List<Sent> out = deliver(invite(branch, callId), UAC);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).upstream()).isTrue();
        assertThat(out.get(0).firstLine()).isEqualTo(statusLine(100, "Trying"));
        assertThat(out.get(1).to()).isEqualTo("UDP 127.0.0.2:5060");
        return out.get(1).text();
    }

    @Test
    void aCallGoesThroughRecordRoutedAndRetransmissionsAreAbsorbed() {
        String forwarded = inviteToFirst("z9hG4bK-c1", "c1");
        assertThat(forwarded).startsWith("INVITE sip:bob@127.0.0.1:5070 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKcx")
                .contains("Record-Route: <sip:127.0.0.1:5070;lr>\r\n",
                        "Via: SIP/2.0/UDP 127.0.0.1:5061;rport=5061;branch=z9hG4bK-c1;received=127.0.0.1\r\n",
                        "Max-Forwards: 69\r\n");
        assertThat(deliver(invite("z9hG4bK-c1", "c1"), UAC)).extracting(Sent::firstLine)
                .containsExactly(statusLine(100, "Trying"));

        List<Sent> ringing = deliver(answer(forwarded, 180, "Ringing", "b1"), FIRST);
        assertThat(ringing).hasSize(1);
        assertThat(ringing.get(0).upstream()).isTrue();
        assertThat(ringing.get(0).text()).doesNotContain("z9hG4bKcx").contains("branch=z9hG4bK-c1");

        String ok = answer(forwarded, 200, "OK", "b1");
        assertThat(deliver(ok, FIRST)).extracting(Sent::firstLine).containsExactly(statusLine(200, "OK"));
        assertThat(core.pendingTransactions()).isZero();
        // the callee retransmits its 2xx (our ACK was slow): it still goes up, statelessly, by the Via's rport
        List<Sent> again = deliver(ok, FIRST);
        assertThat(again).extracting(Sent::to).containsExactly("UDP 127.0.0.1:5061");
        assertThat(core.counters().statelessForwards()).isEqualTo(1);

        String ack = request("ACK", "sip:bob@127.0.0.2:5060", "z9hG4bK-a1", "c1", 1,
                "Route: <sip:127.0.0.1:5070;lr>\r\n", "").replace("To: <sip:bob@127.0.0.1>", "To: <sip:bob@127.0.0.1>;tag=b1");
        List<Sent> acked = deliver(ack, UAC);
        assertThat(acked).hasSize(1);
        assertThat(acked.get(0).to()).isEqualTo("UDP 127.0.0.2:5060");
        assertThat(acked.get(0).text()).startsWith("ACK sip:bob@127.0.0.2:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKcx")
                .doesNotContain("Route:");
    }

    @Test
    void a503FailsOverToTheNextTargetAfterAckingIt() {
        String first = inviteToFirst("z9hG4bK-c2", "c2");
        List<Sent> out = deliver(answer(first, 503, "Service Unavailable", "x"), FIRST);
        assertThat(out).extracting(Sent::to).containsExactly("UDP 127.0.0.2:5060", "UDP 127.0.0.3:5060");
        assertThat(out.get(0).firstLine()).isEqualTo("ACK sip:bob@127.0.0.1:5070 SIP/2.0");
        assertThat(header(out.get(0).text(), "Via")).isEqualTo(header(first, "Via"));
        String second = out.get(1).text();
        assertThat(header(second, "Via")).endsWith(".1");
        assertThat(deliver(answer(second, 200, "OK", "b2"), SECOND)).extracting(Sent::firstLine)
                .containsExactly(statusLine(200, "OK"));
        assertThat(core.counters().failovers()).isEqualTo(1);
    }

    @Test
    void aTargetThatNeverAnswersIsRetransmittedToThenFailedOver() {
        String first = inviteToFirst("z9hG4bK-c3", "c3");
        List<Sent> retransmitted = advance(500);
        assertThat(retransmitted).extracting(Sent::text).containsExactly(first); // Timer A
        List<Sent> afterB = advance(1500);
        assertThat(afterB).extracting(Sent::to).containsExactly("UDP 127.0.0.2:5060", "UDP 127.0.0.3:5060");
        String second = afterB.get(1).text();
        List<Sent> busy = deliver(answer(second, 486, "Busy Here", "b3"), SECOND);
        assertThat(busy).extracting(Sent::firstLine).containsExactly("ACK sip:bob@127.0.0.1:5070 SIP/2.0",
                statusLine(486, "Busy Here")); // a real 486 beats the 408 inferred from the timeout
    }

    @Test
    void whenEveryTargetFailsThe503BecomesA500RetransmittedUntilAcked() {
        String first = inviteToFirst("z9hG4bK-c4", "c4");
        String second = deliver(answer(first, 503, "Service Unavailable", "x"), FIRST).get(1).text();
        List<Sent> out = deliver(answer(second, 503, "Service Unavailable", "y"), SECOND);
        assertThat(out).extracting(Sent::firstLine).containsExactly("ACK sip:bob@127.0.0.1:5070 SIP/2.0",
                statusLine(500, "Server Internal Error"));
        String finalAnswer = out.get(1).text();
        assertThat(advance(500)).extracting(Sent::text).containsExactly(finalAnswer); // Timer G
        String ack = request("ACK", "sip:bob@127.0.0.1:5070", "z9hG4bK-c4", "c4", 1, "", "")
                .replace("To: <sip:bob@127.0.0.1>", "To: " + header(finalAnswer, "To"));
        assertThat(deliver(ack, UAC)).isEmpty();
        assertThat(advance(4000)).isEmpty();
    }

    @Test
    void timerCCancelsARingingBranchAndMovesOn() {
        String first = inviteToFirst("z9hG4bK-c5", "c5");
        assertThat(deliver(answer(first, 180, "Ringing", "b5"), FIRST)).hasSize(1);
        List<Sent> out = advance(10_000);
        assertThat(out).extracting(Sent::firstLine).containsExactly("CANCEL sip:bob@127.0.0.1:5070 SIP/2.0",
                "INVITE sip:bob@127.0.0.1:5070 SIP/2.0");
        assertThat(out).extracting(Sent::to).containsExactly("UDP 127.0.0.2:5060", "UDP 127.0.0.3:5060");
        assertThat(deliver(answer(first, 487, "Request Terminated", "b5"), FIRST)).extracting(Sent::firstLine)
                .containsExactly("ACK sip:bob@127.0.0.1:5070 SIP/2.0");
        assertThat(deliver(answer(out.get(1).text(), 200, "OK", "b6"), SECOND)).extracting(Sent::firstLine)
                .containsExactly(statusLine(200, "OK"));
    }

    @Test
    void anUpstreamCancelIsAnsweredAndForwardedToTheRingingBranch() {
        String first = inviteToFirst("z9hG4bK-c6", "c6");
        deliver(answer(first, 180, "Ringing", "b7"), FIRST);
        String cancel = request("CANCEL", "sip:bob@127.0.0.1:5070", "z9hG4bK-c6", "c6", 1, "", "");
        List<Sent> out = deliver(cancel, UAC);
        assertThat(out).extracting(Sent::firstLine).containsExactly(statusLine(200, "OK"),
                "CANCEL sip:bob@127.0.0.1:5070 SIP/2.0");
        assertThat(header(out.get(1).text(), "Via")).isEqualTo(header(first, "Via"));
        assertThat(deliver(answer(out.get(1).text(), 200, "OK", "b7"), FIRST)).isEmpty();
        List<Sent> terminated = deliver(answer(first, 487, "Request Terminated", "b7"), FIRST);
        assertThat(terminated).extracting(Sent::firstLine).containsExactly("ACK sip:bob@127.0.0.1:5070 SIP/2.0",
                statusLine(487, "Request Terminated"));
        assertThat(core.counters().failovers()).isZero();
    }

    @Test
    void aCancelForNoTransactionGets481() {
        assertThat(deliver(request("CANCEL", "sip:bob@127.0.0.1:5070", "z9hG4bK-none", "c0", 1, "", ""), UAC))
                .extracting(Sent::firstLine).containsExactly(statusLine(481, "Call/Transaction Does Not Exist"));
    }

    @Test
    void beyondThePendingLimitNewRequestsGet503WithRetryAfter() {
        core = core(ProxySettings.defaults("127.0.0.1", 5070).withTimers(TIMERS).withMaxPending(1),
                List.of(new Destination(Transport.UDP, FIRST)));
        inviteToFirst("z9hG4bK-c7", "c7");
        List<Sent> out = deliver(invite("z9hG4bK-c8", "c8"), UAC);
        assertThat(out).extracting(Sent::firstLine).containsExactly(statusLine(503, "Service Unavailable"));
        assertThat(header(out.get(0).text(), "Retry-After")).isEqualTo("5");
        assertThat(core.counters().overloaded()).isEqualTo(1);
    }

    @Test
    void aRetransmissionOfARefusedRequestIsRefusedAgainEvenOnceThereIsRoom() {
        core = core(ProxySettings.defaults("127.0.0.1", 5070).withTimers(TIMERS).withMaxPending(1),
                List.of(new Destination(Transport.UDP, FIRST)));
        String forwarded = inviteToFirst("z9hG4bK-r1", "r1");
        assertThat(deliver(invite("z9hG4bK-r2", "r2"), UAC)).extracting(Sent::firstLine)
                .containsExactly(statusLine(503, "Service Unavailable"));
        deliver(answer(forwarded, 486, "Busy Here", "b1"), FIRST);
        assertThat(core.pendingTransactions()).isZero();

        // the caller gave up on r2 at its 503: letting its retransmission in now would set up a call nobody awaits
        List<Sent> again = deliver(invite("z9hG4bK-r2", "r2"), UAC);
        assertThat(again).extracting(Sent::firstLine).containsExactly(statusLine(503, "Service Unavailable"));
        assertThat(header(again.get(0).text(), "Retry-After")).isEqualTo("5");
        assertThat(core.counters().retransmissionsAbsorbed()).isEqualTo(1);
        assertThat(core.pendingTransactions()).isZero();
        inviteToFirst("z9hG4bK-r3", "r3");
    }

    @Test
    void atThePendingLimitARequestInsideADialogStillPasses() {
        core = core(ProxySettings.defaults("127.0.0.1", 5070).withTimers(TIMERS).withMaxPending(1),
                List.of(new Destination(Transport.UDP, FIRST)));
        inviteToFirst("z9hG4bK-d1", "d1");
        String bye = request("BYE", "sip:bob@127.0.0.2:5060", "z9hG4bK-d2", "d2", 2,
                "Route: <sip:127.0.0.1:5070;lr>\r\n", "").replace("To: <sip:bob@127.0.0.1>", "To: <sip:bob@127.0.0.1>;tag=b1");
        List<Sent> out = deliver(bye, UAC);
        assertThat(out).extracting(Sent::firstLine).as("a BYE frees what its call holds: never refused for overload")
                .containsExactly("BYE sip:bob@127.0.0.2:5060 SIP/2.0");
        assertThat(core.counters().overloaded()).isZero();
    }

    @Test
    void section16Point3ChecksAnswerWithoutForwarding() {
        assertThat(deliver(invite("z9hG4bK-c9", "c9").replace("Max-Forwards: 70", "Max-Forwards: 0"), UAC))
                .extracting(Sent::firstLine).containsExactly(statusLine(483, "Too Many Hops"));
        List<Sent> required = deliver(request("OPTIONS", "sip:bob@127.0.0.1:5070", "z9hG4bK-c10", "c10", 1,
                "Proxy-Require: foo, bar\r\n", ""), UAC);
        assertThat(required).extracting(Sent::firstLine).containsExactly(statusLine(420, "Bad Extension"));
        assertThat(header(required.get(0).text(), "Unsupported")).isEqualTo("foo, bar");
        assertThat(deliver(request("OPTIONS", "mailto:bob@example.com", "z9hG4bK-c11", "c11", 1, "", ""), UAC))
                .extracting(Sent::firstLine).containsExactly(statusLine(416, "Unsupported URI Scheme"));
    }

    @Test
    void aRequestThatComesBackUnchangedIsALoopButASpiralGoesOn() {
        String forwarded = inviteToFirst("z9hG4bK-c12", "c12");
        List<Sent> looped = deliver(forwarded, FIRST);
        assertThat(looped).extracting(Sent::firstLine).containsExactly(statusLine(482, "Loop Detected"));
        String spiral = forwarded.replace("INVITE sip:bob@127.0.0.1:5070", "INVITE sip:carol@127.0.0.1:5070");
        assertThat(deliver(spiral, FIRST)).extracting(Sent::firstLine)
                .containsExactly(statusLine(100, "Trying"), "INVITE sip:carol@127.0.0.1:5070 SIP/2.0");
    }

    @Test
    void aRequestInsideADialogFollowsItsRouteAndRequestUri() {
        String bye = request("BYE", "sip:bob@127.0.0.2:5060", "z9hG4bK-c13", "c13", 2,
                "Route: <sip:127.0.0.1:5070;lr>\r\n", "").replace("To: <sip:bob@127.0.0.1>", "To: <sip:bob@127.0.0.1>;tag=b1");
        List<Sent> out = deliver(bye, UAC);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).to()).isEqualTo("UDP 127.0.0.2:5060");
        assertThat(out.get(0).text()).doesNotContain("Route:", "Record-Route:");
        assertThat(deliver(answer(out.get(0).text(), 200, "OK", "b1"), FIRST)).extracting(Sent::firstLine)
                .containsExactly(statusLine(200, "OK"));
    }

    @Test
    void aTransportChangeRecordRoutesBothSides() {
        core = core(ProxySettings.defaults("127.0.0.1", 5070).withTimers(TIMERS),
                List.of(new Destination(Transport.TCP, new InetSocketAddress("127.0.0.4", 5080))));
        List<Sent> out = deliver(invite("z9hG4bK-c14", "c14"), UAC);
        assertThat(out.get(1).to()).isEqualTo("TCP 127.0.0.4:5080");
        assertThat(out.get(1).text()).contains("Via: SIP/2.0/TCP 127.0.0.1:5070;branch=z9hG4bKcx",
                "Record-Route: <sip:127.0.0.1:5070;transport=tcp;lr>\r\nRecord-Route: <sip:127.0.0.1:5070;lr>\r\n");
        assertThat(advance(1000)).as("no retransmissions over TCP").isEmpty();
    }

    @Test
    void responsesNotThroughUsOrToABroadcastViaAreDropped() {
        String bcast = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKcx0123456789abcdef.0\r\n"
                + "Via: SIP/2.0/UDP 255.255.255.255;branch=z9hG4bK1saber23\r\nCall-ID: b@x\r\nCSeq: 35 INVITE\r\n"
                + "From: <sip:a@x>;tag=1\r\nTo: <sip:b@y>;tag=2\r\nContent-Length: 0\r\n\r\n";
        assertThat(deliver(bcast, FIRST)).isEmpty();
        assertThat(deliver(bcast.replace("z9hG4bKcx0123456789abcdef.0", "z9hG4bKother"), FIRST)).isEmpty();
        assertThat(core.counters().dropped()).isEqualTo(2);
    }
}
