package com.crosspoint.proxy.core;

import static com.crosspoint.proxy.core.SipFixtures.answer;
import static com.crosspoint.proxy.core.SipFixtures.invite;
import static com.crosspoint.proxy.core.SipFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.proxy.core.RecordingSender.Sent;
import com.crosspoint.proxy.transaction.TimerSettings;
import com.crosspoint.proxy.transaction.TimerWheel;
import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.transport.Flow;
import com.crosspoint.proxy.transport.Transport;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A resolver that trusts only its customers keeps the core from relaying for strangers: a request inside a dialog the
 * proxy does not carry, or a new one with a pre-loaded Route elsewhere, gets 403 (an ACK is dropped); the callee's
 * BYE of a call the proxy carries passes.
 */
class StrangerRelayTest {
    private static final InetSocketAddress CUSTOMER = new InetSocketAddress("127.0.0.1", 5061);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("127.0.0.9", 5061);
    private static final InetSocketAddress CARRIER = new InetSocketAddress("127.0.0.2", 5060);

    private final TimerWheel wheel = new TimerWheel(new AtomicLong()::get, 10, 256);
    private final RecordingSender sender = new RecordingSender();
    private final ProxyCore core = new ProxyCore(ProxySettings.defaults("127.0.0.1", 5070)
            .withTimers(new TimerSettings(500, 4000, 5000, 2000, 10_000)), new LocalEndpoint("127.0.0.1", 5070, 5070),
            new TargetResolver() {
                @Override
                public RoutingDecision resolve(com.crosspoint.proxy.wire.SipMessage request, Flow from) {
                    return new RoutingDecision.Targets(List.of(new Target(new Destination(Transport.UDP, CARRIER),
                            null, () -> new RecordingOutcome("carrier", new java.util.ArrayList<>()))));
                }

                @Override
                public boolean trusts(Flow from) {
                    return from.remote().getAddress().equals(CUSTOMER.getAddress());
                }
            }, sender, wheel);

    private List<Sent> deliver(String text, InetSocketAddress from) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        core.onMessage(b, 0, b.length, Flow.udp(from));
        return sender.take();
    }

    private static String inDialog(String method, String callId, String branch) {
        return request(method, "sip:+15551234@127.0.0.2:5060", branch, callId, 2, "", "")
                .replace("To: <sip:bob@127.0.0.1>", "To: <sip:bob@127.0.0.1>;tag=t1");
    }

    @Test
    void aStrangersRequestInsideAnUnknownDialogGets403AndItsAckIsDropped() {
        assertThat(deliver(inDialog("INVITE", "s1", "z9hG4bK-s1"), STRANGER)).singleElement()
                .satisfies(s -> assertThat(s.firstLine()).isEqualTo("SIP/2.0 403 Forbidden"));
        assertThat(deliver(inDialog("ACK", "s1", "z9hG4bK-s2"), STRANGER)).isEmpty();
        assertThat(deliver(inDialog("BYE", "s1", "z9hG4bK-s3"), CUSTOMER)).as("a customer is trusted")
                .extracting(Sent::to).contains("UDP 127.0.0.2:5060");
    }

    @Test
    void aStrangersPreRoutedRequestGets403AndACustomersIsFollowed() {
        String routed = request("INVITE", "sip:+15551234@127.0.0.1:5070", "z9hG4bK-s4", "s4", 1,
                "Route: <sip:127.0.0.2:5060;lr>\r\n", "");
        assertThat(deliver(routed, STRANGER)).singleElement()
                .satisfies(s -> assertThat(s.firstLine()).isEqualTo("SIP/2.0 403 Forbidden"));
        assertThat(deliver(routed.replace("z9hG4bK-s4", "z9hG4bK-s5"), CUSTOMER)).extracting(Sent::to)
                .contains("UDP 127.0.0.2:5060");
    }

    @Test
    void theCalleesByeOfACallTheProxyCarriesPasses() {
        String forwarded = deliver(invite("z9hG4bK-s6", "s6"), CUSTOMER).get(1).text();
        deliver(answer(forwarded, 200, "OK", "t1"), CARRIER);
        String bye = "BYE sip:alice@127.0.0.1:5061 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bK-s7\r\n"
                + "Route: <sip:127.0.0.1:5070;lr>\r\nMax-Forwards: 70\r\nFrom: <sip:bob@127.0.0.1>;tag=t1\r\n"
                + "To: <sip:alice@127.0.0.1>;tag=a1\r\nCall-ID: s6\r\nCSeq: 1 BYE\r\nContent-Length: 0\r\n\r\n";
        assertThat(deliver(bye, new InetSocketAddress("127.0.0.2", 5060))).extracting(Sent::to)
                .containsExactly("UDP 127.0.0.1:5061");
        assertThat(core.counters().refusedByResolver()).isZero();
    }
}
