package com.crosspoint.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.nist.javax.sip.message.MessageFactoryImpl;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.HopImpl;
import java.net.InetAddress;
import javax.sip.address.Hop;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

/** When a dialog needs its flow, and the table that keeps it: keyed by Call-ID and our tag, bounded, forgotten. */
class DialogFlowsTest {
    private final MessageFactoryImpl factory = new MessageFactoryImpl();
    private final DialogFlows flows = new DialogFlows(3);

    @Test
    void aUdpPhoneSendingFromItsContactNeedsNoFlow() throws Exception {
        SIPMessage invite = invite("UDP", "<sip:1001@192.0.2.7:5062>", "192.0.2.7", 5062);
        assertThat(DialogFlows.flowOf(invite)).isEmpty();
    }

    @Test
    void aUdpPhoneBehindNatIsReachedWhereItsPacketsComeFrom() throws Exception {
        SIPMessage invite = invite("UDP", "<sip:1001@192.168.1.20:5060>", "203.0.113.7", 40112);
        Hop hop = DialogFlows.flowOf(invite).orElseThrow();
        assertThat(hop.getHost()).isEqualTo("203.0.113.7");
        assertThat(hop.getPort()).isEqualTo(40112);
        assertThat(hop.getTransport()).isEqualTo("udp");
        assertThat(DialogFlows.flowOf(invite("UDP", "<sip:1001@203.0.113.7:5060>", "203.0.113.7", 40112)))
                .as("the NAT kept the address but not the port").isPresent();
    }

    @Test
    void aTcpPhoneIsReachedOverItsConnectionEvenWhenItsContactNamesItsSource() throws Exception {
        SIPMessage invite = invite("TCP", "<sip:1001@192.0.2.7:40123;transport=tcp>", "192.0.2.7", 40123);
        assertThat(DialogFlows.flowOf(invite)).map(Hop::getTransport).contains("tcp");
    }

    @Test
    void aContactWithObAsksForTheFlow() throws Exception {
        SIPMessage invite = invite("UDP", "<sip:1001@192.0.2.7:5062;ob>", "192.0.2.7", 5062);
        assertThat(DialogFlows.flowOf(invite)).map(Hop::getPort).contains(5062);
    }

    @Test
    void requestsInsideTheDialogFollowItsFlowUntilItIsForgotten() throws Exception {
        Hop flow = new HopImpl("203.0.113.7", 40112, "udp");
        flows.remember("call-1", "ours", flow);

        assertThat(flows.hopFor(inDialog("BYE", "call-1", "ours", "theirs"))).contains(flow);
        assertThat(flows.hopFor(inDialog("BYE", "call-1", "theirs", "ours"))).as("another side's tag").isEmpty();
        assertThat(flows.hopFor(inDialog("BYE", "call-2", "ours", "theirs"))).isEmpty();
        assertThat(flows.hopFor(inDialog("INVITE", "call-1", "ours", null))).as("outside a dialog").isEmpty();

        flows.forget("call-1", "ours");
        assertThat(flows.hopFor(inDialog("BYE", "call-1", "ours", "theirs"))).isEmpty();
        assertThat(flows.size()).isZero();
    }

    @Test
    void aFullTableRoutesNewDialogsToTheirTargetAndCountsThem() throws Exception {
        Hop flow = new HopImpl("203.0.113.7", 40112, "udp");
        for (int i = 0; i < 3; i++) {
            flows.remember("call-" + i, "ours", flow);
        }
        flows.remember("call-3", "ours", flow);
        flows.remember("call-0", "ours", new HopImpl("203.0.113.8", 1, "udp")); // a known dialog may still change

        assertThat(flows.size()).isEqualTo(3);
        assertThat(flows.refused()).isEqualTo(1);
        assertThat(flows.hopFor(inDialog("BYE", "call-3", "ours", "theirs"))).isEmpty();
        assertThat(flows.hopFor(inDialog("BYE", "call-0", "ours", "theirs"))).map(Hop::getHost).contains("203.0.113.8");
    }

    @Test
    void aTableWithoutRoomIsRefused() {
        assertThatThrownBy(() -> new DialogFlows(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity");
    }

    @Test
    void forgettingWhatWasNeverRememberedIsHarmless() {
        flows.forget("nothing", "ours");
        flows.forget(null, null);
        assertThat(flows.size()).isZero();
    }

    private SIPMessage invite(String transport, String contact, String sourceHost, int sourcePort) throws Exception {
        String text = "INVITE sip:1002@192.0.2.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 192.168.1.20:5060;branch=z9hG4bK-1;rport\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:1001@192.0.2.1>;tag=theirs\r\nTo: <sip:1002@192.0.2.1>\r\n"
                + "Call-ID: call-1\r\nCSeq: 1 INVITE\r\nContact: " + contact + "\r\nContent-Length: 0\r\n\r\n";
        SIPMessage m = (SIPMessage) factory.createRequest(text);
        m.setPeerPacketSourceAddress(InetAddress.getByName(sourceHost));
        m.setPeerPacketSourcePort(sourcePort);
        return m;
    }

    private Request inDialog(String method, String callId, String fromTag, String toTag) throws Exception {
        String text = method + " sip:1001@192.168.1.20:5060 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-2\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:1002@192.0.2.1>;tag=" + fromTag + "\r\n"
                + "To: <sip:1001@192.0.2.1>" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 2 " + method + "\r\nContent-Length: 0\r\n\r\n";
        return factory.createRequest(text);
    }
}
