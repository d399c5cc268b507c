package com.crosspoint.proxy.core;

import static com.crosspoint.proxy.core.SipFixtures.answer;
import static com.crosspoint.proxy.core.SipFixtures.invite;
import static com.crosspoint.proxy.core.SipFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.proxy.core.RecordingSender.Sent;
import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.transport.Transport;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The caller's media report on a dialog's end ({@code X-RTP-Stat}) reaches the dialog's observer: from the caller's
 * BYE, or from the caller's 200 to the callee's BYE; what the callee says about itself is never taken.
 */
class MediaReportTest {
    private static final InetSocketAddress CALLER = ProxyTestBed.UAC;
    private static final InetSocketAddress CALLEE = ProxyTestBed.SECOND;

    private final ProxyTestBed bed = new ProxyTestBed();
    private final List<String> ends = new ArrayList<>();

    private final BranchOutcome outcome = new BranchOutcome() {
        @Override
        public void provisional(int status) {
        }

        @Override
        public void answered() {
        }

        @Override
        public void failed(int status) {
            ends.add("failed " + status);
        }

        @Override
        public void dialogEnded() {
            ends.add("ended without the report");
        }

        @Override
        public void dialogEnded(String mediaReport) {
            ends.add("ended " + mediaReport);
        }
    };

    private final ProxyCore core = bed.core(ProxyTestBed.settings(), (request, from) -> new RoutingDecision.Targets(
            List.of(new Target(new Destination(Transport.UDP, CALLEE), "sip:+15551234@127.0.0.3:5060", () -> outcome))));

    private List<Sent> deliver(String text, InetSocketAddress from) {
        return bed.deliver(core, text, from);
    }

    /** An answered call through the proxy, Call-ID {@code callId}, callee's tag b1. */
    private void answeredCall(String callId) {
        String forwarded = deliver(invite("z9hG4bK-" + callId, callId), CALLER).get(1).text();
        deliver(answer(forwarded, 200, "OK", "b1"), CALLEE);
        assertThat(core.trackedDialogs()).isEqualTo(1);
    }

    private static String callersBye(String callId, String report) {
        return request("BYE", "sip:bob@127.0.0.3:5060", "z9hG4bK-bye-" + callId, callId, 2,
                "Route: <sip:127.0.0.1:5070;lr>\r\n" + report, "")
                .replace("To: <sip:bob@127.0.0.1>", "To: <sip:bob@127.0.0.1>;tag=b1");
    }

    /** The callee hangs up: its BYE towards the caller, through the proxy. */
    private static String calleesBye(String callId, String report) {
        return "BYE sip:alice@127.0.0.1:5061 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.3:5060;branch=z9hG4bK-cbye-" + callId + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "Route: <sip:127.0.0.1:5070;lr>\r\n"
                + "From: <sip:bob@127.0.0.1>;tag=b1\r\n"
                + "To: <sip:alice@127.0.0.1>;tag=a1\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 7 BYE\r\n"
                + report
                + "Content-Length: 0\r\n\r\n";
    }

    @Test
    void theCallersByeCarriesItsReportToTheObserver() {
        answeredCall("r1");
        List<Sent> out = deliver(callersBye("r1", "x-rtp-stat :MOS=2.31;PLR=30.00\r\n"), CALLER);
        assertThat(out).extracting(Sent::to).containsExactly("UDP 127.0.0.3:5060");
        assertThat(ends).containsExactly("ended MOS=2.31;PLR=30.00");
        assertThat(core.trackedDialogs()).isZero();
    }

    @Test
    void aByeWithoutAReportEndsTheDialogWithNone() {
        answeredCall("r2");
        deliver(callersBye("r2", ""), CALLER);
        assertThat(ends).containsExactly("ended null");
    }

    @Test
    void whenTheCalleeHangsUpTheCallersAnswerCarriesTheReportAndTheCalleesOwnIsIgnored() {
        answeredCall("r3");
        List<Sent> out = deliver(calleesBye("r3", "X-RTP-Stat: MOS=4.50\r\n"), CALLEE);
        assertThat(out).extracting(Sent::to).containsExactly("UDP 127.0.0.1:5061");
        assertThat(ends).as("waits for the caller's answer").isEmpty();

        String ok = answer(out.get(0).text(), 200, "OK", null)
                .replace("Content-Length: 0", "X-RTP-Stat: MOS=1.90;PLR=35.00\r\nContent-Length: 0");
        assertThat(deliver(ok, CALLER)).extracting(Sent::to).containsExactly("UDP 127.0.0.3:5060");
        assertThat(ends).containsExactly("ended MOS=1.90;PLR=35.00");
        assertThat(core.trackedDialogs()).isZero();
    }

    @Test
    void aCalleesByeNobodyAnswersEndsTheDialogWithoutAReport() {
        answeredCall("r4");
        deliver(calleesBye("r4", "X-RTP-Stat: MOS=4.50\r\n"), CALLEE);
        bed.advance(DialogTable.BYE_ANSWER_NANOS / 1_000_000 + 61_000);
        assertThat(ends).containsExactly("ended null");
        assertThat(core.trackedDialogs()).isZero();
    }
}
