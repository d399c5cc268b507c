package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.crosspoint.model.Binding;
import com.crosspoint.nat.FlowToken;
import com.crosspoint.nat.NatAction;
import com.crosspoint.nat.NatEvidence;
import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.RawSipClient;
import com.crosspoint.testing.RawSipClient.Response;
import com.crosspoint.testing.RawTcpSipClient;
import com.crosspoint.testing.SipText;
import com.crosspoint.testing.TestAppliance;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 5626 flows with raw sockets on loopback: requests inside a dialog follow the flow the dialog was established
 * on, not its Contact (a TCP phone that registered with outbound and calls with another Contact; a UDP caller whose
 * Contact names a port nothing answers on, as behind a NAT), a registration whose connection closed fails calls
 * to it at once and shows on its finding, and a new registration restores it. Every "Contact" here is a socket the
 * test holds and watches: nothing may arrive there.
 */
class DialogFlowIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    private static final Pattern CSEQ = Pattern.compile("(\\d+) ");
    private static TestAppliance pbx;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
        pbx.user("4001", "Outbound Tcp Phone", "pw-ob-4001");
        pbx.user("4002", "Answering Phone", "pw-answer-4002");
        pbx.user("4003", "Caller Behind Nat", "pw-nat-4003");
        pbx.user("4005", "Failing Flow Phone", "pw-fail-4005");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void anOutboundTcpPhoneCallingWithAnotherContactGetsTheByeOverItsConnection() throws Exception {
        try (RawTcpSipClient phone = new RawTcpSipClient("127.0.0.1", pbx.sipPort());
             ServerSocket dialogContact = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             RawSipClient callee = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            Response registered = registerOutbound(phone, "4001", "pw-ob-4001", "sip:4001@127.0.0.1:" + phone.localPort(),
                    "00000000-0000-0000-0000-000000004001");
            assertThat(registered.all("require")).anyMatch(r -> r.contains("outbound"));
            assertThat(registered.header("flow-timer")).as("nat.flowTimerSeconds' default").isEqualTo("25");
            Binding b = pbx.appliance().registrar().lookup("sip:4001@" + TestAppliance.DOMAIN).get(0);
            assertThat(pbx.appliance().registrar().natOf(b).actions()).contains(NatAction.OUTBOUND_FLOW);
            String flow = "tcp 127.0.0.1:" + phone.localPort() + " \u2192 127.0.0.1:" + pbx.sipPort();
            assertThat(pbx.appliance().registrar().natOf(b).flow()).map(FlowToken::text).contains(flow);
            JsonNode registrations = new AdminApi(pbx.appliance().httpPort(), "admin", "admin-secret")
                    .get("/tenants/" + pbx.tenant().id() + "/registrations");
            assertThat(registrations.findValues("flow")).extracting(JsonNode::asText).contains(flow);
            register(callee, "4002", "pw-answer-4002");

            // The dialog's Contact is not the registered one: a listening socket nobody may connect to.
            String callId = UUID.randomUUID() + "@ob-tcp";
            String target = "sip:4002@" + pbx.sipHostPort();
            String invite = phone.request("INVITE", target, "sip:4001@" + pbx.sipHostPort(), target, callId, 1,
                    "<sip:4001@127.0.0.1:" + dialogContact.getLocalPort() + ";transport=tcp;ob>", List.of(), SDP);
            CompletableFuture<Response> answered = CompletableFuture.supplyAsync(
                    () -> phone.sendWithDigest(invite, "4001", "pw-ob-4001", WAIT));
            answer(callee);
            Response ok = answered.join();
            assertThat(ok.status()).isEqualTo(200);
            phone.write(ack(ok, "TCP", "127.0.0.1:" + phone.localPort()));
            assertThat(callee.receiveRequest(WAIT)).startsWith("ACK ");

            assertThat(pbx.appliance().calls().hangUp(callId)).as("the operator hangs up").isTrue();
            String bye = phone.receiveRequest(WAIT);
            assertThat(bye).as("the BYE came over the registration's connection").isNotNull()
                    .startsWith("BYE sip:4001@127.0.0.1:" + dialogContact.getLocalPort() + ";transport=tcp;ob SIP/2.0");
            phone.reply(bye, 200, "OK", "unused");
            callee.reply(callee.receiveRequest(WAIT), 200, "OK");
            dialogContact.setSoTimeout(300);
            assertThatThrownBy(dialogContact::accept).as("no connection to the dialog's Contact")
                    .isInstanceOf(SocketTimeoutException.class);
            await().atMost(WAIT).untilAsserted(() -> assertThat(pbx.appliance().calls().dialogFlows()).isZero());
        }
    }

    @Test
    void aCallerBehindNatGetsTheReInviteAndByeAtItsSourceNotItsContact() throws Exception {
        try (DatagramSocket contact = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
             RawSipClient caller = new RawSipClient("127.0.0.1", pbx.sipPort())
                     .claiming("127.0.0.1:" + contact.getLocalPort());
             RawSipClient callee = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            register(callee, "4002", "pw-answer-4002");
            String callId = UUID.randomUUID() + "@nat-udp";
            String target = "sip:4002@" + pbx.sipHostPort();
            CompletableFuture<Response> answered = CompletableFuture.supplyAsync(() -> caller.sendWithDigest("INVITE",
                    target, "sip:4003@" + pbx.sipHostPort(), target, callId, List.of(), SDP, "4003", "pw-nat-4003",
                    WAIT));
            String calleeInvite = answer(callee);
            Response ok = answered.join();
            assertThat(ok.status()).isEqualTo(200);
            caller.sendRaw(ack(ok, "UDP", "127.0.0.1:" + contact.getLocalPort()));
            assertThat(callee.receiveRequest(WAIT)).startsWith("ACK ");
            assertThat(pbx.appliance().calls().dialogFlows()).as("the caller's dialog follows its flow").isEqualTo(1);

            // The callee holds: the appliance re-INVITEs the caller (music on hold, or the hold relayed).
            CompletableFuture<Response> held = CompletableFuture.supplyAsync(() -> callee.send(
                    fromCallee(calleeInvite, "INVITE", 2, SDP.replace("a=rtpmap", "a=sendonly\r\na=rtpmap"),
                            callee.localPort()), WAIT));
            String reinvite = caller.receiveRequest(WAIT);
            assertThat(reinvite).as("the re-INVITE reached the caller's source").isNotNull()
                    .startsWith("INVITE sip:probe@127.0.0.1:" + contact.getLocalPort() + " SIP/2.0");
            caller.reply(reinvite, 200, "OK", "unused",
                    List.of("Contact: <sip:probe@127.0.0.1:" + contact.getLocalPort() + ">"), SDP);
            assertThat(caller.receiveRequest(WAIT)).as("its ACK too").startsWith("ACK ");
            Response holdOk = held.join();
            assertThat(holdOk.status()).isEqualTo(200);
            callee.sendRaw(ack(holdOk, "UDP", "127.0.0.1:" + callee.localPort()));

            assertThat(callee.send(fromCallee(calleeInvite, "BYE", 3, null, callee.localPort()), WAIT).status())
                    .isEqualTo(200);
            String bye = caller.receiveRequest(WAIT);
            assertThat(bye).as("the BYE reached the caller's source").isNotNull()
                    .startsWith("BYE sip:probe@127.0.0.1:" + contact.getLocalPort() + " SIP/2.0");
            caller.reply(bye, 200, "OK");

            contact.setSoTimeout(300);
            DatagramPacket stray = new DatagramPacket(new byte[65535], 65535);
            assertThatThrownBy(() -> contact.receive(stray)).as("nothing went to the Contact")
                    .isInstanceOf(SocketTimeoutException.class);
            await().atMost(WAIT).untilAsserted(() -> assertThat(pbx.appliance().calls().dialogFlows()).isZero());
        }
    }

    @Test
    void aClosedRegistrationConnectionFailsTheNextCallAtOnceUntilThePhoneRegistersAgain() throws Exception {
        String instance = "00000000-0000-0000-0000-000000004005";
        String aor = "sip:4005@" + TestAppliance.DOMAIN;
        try (ServerSocket registeredContact = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             RawSipClient caller = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            String contact = "sip:4005@127.0.0.1:" + registeredContact.getLocalPort();
            int firstPort;
            try (RawTcpSipClient first = new RawTcpSipClient("127.0.0.1", pbx.sipPort())) {
                assertThat(registerOutbound(first, "4005", "pw-fail-4005", contact, instance).status()).isEqualTo(200);
                firstPort = first.localPort();
            }
            await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(
                    pbx.appliance().registrar().natOf(pbx.appliance().registrar().lookup(aor).get(0))
                            .saw(NatEvidence.Sign.FLOW_FAILED)).isTrue());
            Binding failed = pbx.appliance().registrar().lookup(aor).get(0);
            assertThat(pbx.appliance().registrar().natOf(failed).evidence())
                    .anySatisfy(e -> assertThat(e.text()).contains("TCP connection from 127.0.0.1:" + firstPort));
            // Both ends have closed by now. Where the old connection came from, a listener now: the appliance must not connect there either (on
            // loopback that would be quick; behind NAT it is a connect that hangs, then the 32 s timeout).
            ServerSocket formerSource = new ServerSocket();
            formerSource.setReuseAddress(true);
            formerSource.bind(new InetSocketAddress("127.0.0.1", firstPort));

            long started = System.nanoTime();
            Response unreached = call(caller, "4005");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            // Nobody can be rung: the user is unavailable at once (their mailbox takes the call; without one, 480).
            assertThat(took).as("no 32 s transaction timeout, no ring time").isLessThan(Duration.ofSeconds(3));
            assertThat(unreached.status()).isIn(200, 480);
            hangUpIfAnswered(caller, unreached);
            registeredContact.setSoTimeout(300);
            assertThatThrownBy(registeredContact::accept).as("no new connection to the phone's Contact")
                    .isInstanceOf(SocketTimeoutException.class);
            try (formerSource) {
                formerSource.setSoTimeout(300);
                assertThatThrownBy(formerSource::accept).as("no new connection to where the old flow came from")
                        .isInstanceOf(SocketTimeoutException.class);
            }

            // A new caller socket: the first call's unacknowledged 407 is still retransmitted to the old one.
            try (RawTcpSipClient again = new RawTcpSipClient("127.0.0.1", pbx.sipPort());
                 RawSipClient secondCaller = new RawSipClient("127.0.0.1", pbx.sipPort())) {
                assertThat(registerOutbound(again, "4005", "pw-fail-4005", contact, instance).status()).isEqualTo(200);
                Binding restored = pbx.appliance().registrar().lookup(aor).get(0);
                assertThat(pbx.appliance().registrar().natOf(restored).saw(NatEvidence.Sign.FLOW_FAILED)).isFalse();
                assertThat(pbx.appliance().registrar().natOf(restored).flow()).map(FlowToken::text)
                        .contains("tcp 127.0.0.1:" + again.localPort() + " \u2192 127.0.0.1:" + pbx.sipPort());

                CompletableFuture<Response> ringing = CompletableFuture.supplyAsync(() -> call(secondCaller, "4005"));
                String invite = again.receiveRequest(WAIT);
                assertThat(invite).as("the call reached the new connection").isNotNull()
                        .startsWith("INVITE " + contact + ";transport=tcp;ob SIP/2.0");
                again.reply(invite, 486, "Busy Here", "busy");
                hangUpIfAnswered(secondCaller, ringing.join());
            }
        }
    }

    /** REGISTER over {@code phone}'s connection with outbound: {@code contact};transport=tcp;ob, reg-id 1. */
    private static Response registerOutbound(RawTcpSipClient phone, String user, String password, String contact,
                                             String instance) {
        String aor = "sip:" + user + "@" + pbx.sipHostPort();
        String register = phone.request("REGISTER", "sip:" + pbx.sipHostPort(), aor, aor, UUID.randomUUID() + "@ob", 1,
                "<" + contact + ";transport=tcp;ob>;reg-id=1;+sip.instance=\"<urn:uuid:" + instance + ">\"",
                List.of("Expires: 600", "Supported: outbound"), null);
        return phone.sendWithDigest(register, user, password, WAIT);
    }

    private static void register(RawSipClient client, String user, String password) {
        String aor = "sip:" + user + "@" + pbx.sipHostPort();
        assertThat(client.sendWithDigest("REGISTER", "sip:" + pbx.sipHostPort(), aor, aor, UUID.randomUUID() + "@r",
                List.of("Expires: 600"), null, user, password, WAIT).status()).isEqualTo(200);
    }

    /** Waits for the appliance's INVITE and answers it with SDP (tag "callee"); returns the INVITE. */
    private static String answer(RawSipClient callee) {
        String invite = callee.receiveRequest(WAIT);
        assertThat(invite).isNotNull().startsWith("INVITE ");
        callee.reply(invite, 200, "OK", "callee",
                List.of("Contact: <sip:4002@127.0.0.1:" + callee.localPort() + ">"), SDP);
        return invite;
    }

    private static Response call(RawSipClient caller, String extension) {
        String target = "sip:" + extension + "@" + pbx.sipHostPort();
        return caller.sendWithDigest("INVITE", target, "sip:4003@" + pbx.sipHostPort(), target,
                UUID.randomUUID() + "@caller", List.of(), SDP, "4003", "pw-nat-4003", WAIT);
    }

    /** A mailbox answered: ACK, then hang up, so the call ends. */
    private static void hangUpIfAnswered(RawSipClient caller, Response final_) {
        if (final_.status() != 200) {
            return;
        }
        String via = "127.0.0.1:" + caller.localPort();
        caller.sendRaw(ack(final_, "UDP", via));
        String bye = ack(final_, "UDP", via).replaceFirst("^ACK ", "BYE ")
                .replaceFirst("(?m)^CSeq: \\d+ ACK", "CSeq: " + (cseqOf(final_) + 1) + " BYE");
        assertThat(caller.send(bye, WAIT).status()).isEqualTo(200);
    }

    /** ACK for a 2xx: to its Contact, with its From, To and Call-ID, and its CSeq number. */
    private static String ack(Response ok, String transport, String via) {
        return "ACK " + uriOf(ok.header("contact")) + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " " + via + ";rport;branch=" + SipText.branch() + "\r\n"
                + "Max-Forwards: 70\r\nFrom: " + ok.header("from") + "\r\nTo: " + ok.header("to") + "\r\n"
                + "Call-ID: " + ok.header("call-id") + "\r\nCSeq: " + cseqOf(ok) + " ACK\r\nContent-Length: 0\r\n\r\n";
    }

    /** A request from the callee inside the dialog of {@code invite}, which it answered with the tag "callee". */
    private static String fromCallee(String invite, String method, int cseq, String sdp, int calleePort) {
        String body = sdp == null ? "" : sdp;
        return method + " " + uriOf(headerOf(invite, "Contact")) + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + calleePort + ";rport;branch=" + SipText.branch() + "\r\n"
                + "Max-Forwards: 70\r\nFrom: " + headerOf(invite, "To") + ";tag=callee\r\n"
                + "To: " + headerOf(invite, "From") + "\r\nCall-ID: " + headerOf(invite, "Call-ID") + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\nContact: <sip:4002@127.0.0.1:" + calleePort + ">\r\n"
                + (sdp == null ? "" : "Content-Type: application/sdp\r\n")
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static long cseqOf(Response r) {
        Matcher m = CSEQ.matcher(r.header("cseq"));
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String uriOf(String nameAddr) {
        int open = nameAddr.indexOf('<');
        return open >= 0 ? nameAddr.substring(open + 1, nameAddr.indexOf('>')) : nameAddr.split(";")[0];
    }

    private static String headerOf(String message, String name) {
        for (String line : message.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        throw new AssertionError("no " + name + " in\n" + message);
    }
}
