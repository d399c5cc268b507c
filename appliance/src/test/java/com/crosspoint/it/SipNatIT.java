package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.model.Binding;
import com.crosspoint.nat.NatAction;
import com.crosspoint.nat.NatKind;
import com.crosspoint.testing.RawSipClient;
import com.crosspoint.testing.RawSipClient.Response;
import com.crosspoint.testing.SipText;
import com.crosspoint.testing.TestAppliance;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 3581 (rport, received), RFC 5626 §4.4.1 (CRLF keepalives) and flow routing, with raw sockets on loopback: what
 * JAIN-SIP does by itself is checked here rather than assumed, and a "phone" that claims a private address in its Via
 * and Contact is reached at the socket its REGISTER came from.
 */
class SipNatIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static TestAppliance pbx;

    @BeforeAll
    static void start() {
        // Pings every 2 s, so that one is seen within the test.
        pbx = TestAppliance.start(java.util.Map.of("nat.keepaliveSeconds", "2"));
        pbx.user("2001", "Nat Phone", "pw-nat-2001");
        pbx.user("2002", "Caller", "pw-caller-2002");
        pbx.user("2003", "Pinged Phone", "pw-pinged-2003");
        pbx.user("2004", "Direct Phone", "pw-direct-2004");
        pbx.user("2005", "Behind Edge Proxy", "pw-edge-2005");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void udpResponseWithRportGoesToTheSourcePortAndNamesIt() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            // The Via names a port nobody listens on: with rport the answer must still come to this socket.
            String via = "192.0.2.1:5999;rport";
            String text = receiveAnswer(socket, options(via));

            assertThat(text).startsWith("SIP/2.0 200");
            String top = viaOf(text);
            assertThat(top).contains("rport=" + socket.getLocalPort()).contains("received=127.0.0.1");
        }
    }

    @Test
    void udpResponseWithoutRportGoesToTheViaPort() throws Exception {
        try (DatagramSocket sender = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
             DatagramSocket viaPort = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            send(sender, options("127.0.0.1:" + viaPort.getLocalPort()));
            String text = receive(viaPort);

            assertThat(text).startsWith("SIP/2.0 200");
            assertThat(viaOf(text)).doesNotContain("rport=");
        }
    }

    @Test
    void tcpResponseComesBackOnTheConnectionWithReceived() throws Exception {
        try (Socket tcp = new Socket("127.0.0.1", pbx.sipPort())) {
            tcp.setSoTimeout((int) WAIT.toMillis());
            String request = options("192.0.2.1:5060;rport").replace("SIP/2.0/UDP", "SIP/2.0/TCP");
            tcp.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String text = readMessage(tcp.getInputStream());

            assertThat(text).startsWith("SIP/2.0 200");
            assertThat(viaOf(text)).contains("received=127.0.0.1").contains("rport=" + tcp.getLocalPort());
        }
    }

    @Test
    void tcpDoubleCrlfPingIsAnsweredWithCrlf() throws Exception {
        try (Socket tcp = new Socket("127.0.0.1", pbx.sipPort())) {
            tcp.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = tcp.getOutputStream();
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = tcp.getInputStream();
            assertThat(new byte[] {(byte) in.read(), (byte) in.read()}).isEqualTo(new byte[] {'\r', '\n'});

            // The connection still carries SIP after the ping.
            out.write(options("192.0.2.1:5060;rport").replace("SIP/2.0/UDP", "SIP/2.0/TCP")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(readMessage(in)).startsWith("SIP/2.0 200");
        }
    }

    @Test
    void phoneClaimingAPrivateAddressIsFoundBehindNatAndCalledAtItsSource() {
        try (RawSipClient phone = new RawSipClient("127.0.0.1", pbx.sipPort()).claiming("192.168.9.9:5060");
             RawSipClient caller = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            String aor = "sip:2001@" + pbx.sipHostPort();
            Response ok = phone.sendWithDigest("REGISTER", "sip:" + pbx.sipHostPort(), aor, aor,
                    UUID.randomUUID() + "@nat", List.of("Expires: 3600"), null, "2001", "pw-nat-2001", WAIT);
            assertThat(ok.status()).isEqualTo(200);
            String granted = ok.header("contact").replaceAll(".*;expires=(\\d+).*", "$1");
            assertThat(Integer.parseInt(granted)).as("nat.udpExpires caps the 3600 s asked").isBetween(55, 60);

            Binding b = pbx.appliance().registrar().lookup("sip:2001@" + TestAppliance.DOMAIN).get(0);
            assertThat(b.contact()).isEqualTo("sip:probe@192.168.9.9:5060");
            assertThat(b.source()).isEqualTo("127.0.0.1:" + phone.localPort());
            var nat = pbx.appliance().registrar().natOf(b);
            assertThat(nat.kind()).isEqualTo(NatKind.NAT_PORT_CHANGING);
            assertThat(nat.actions()).contains(NatAction.FLOW_ROUTING, NatAction.SHORT_EXPIRY,
                    NatAction.KEEPALIVE_PINGS);

            String target = "sip:2001@" + pbx.sipHostPort();
            CompletableFuture<Response> call = CompletableFuture.supplyAsync(() -> caller.sendWithDigest("INVITE",
                    target, "sip:2002@" + pbx.sipHostPort(), target, UUID.randomUUID() + "@caller", List.of(),
                    sdp(), "2002", "pw-caller-2002", WAIT));
            String invite = nextRequestOtherThanPings(phone);
            assertThat(invite).as("the INVITE reached the REGISTER's source, not 192.168.9.9")
                    .startsWith("INVITE sip:probe@192.168.9.9:5060 SIP/2.0");
            phone.reply(invite, 486, "Busy Here");
            // Busy goes on to the callee's mailbox: the caller's final answer is the mailbox's, not the phone's.
            assertThat(call.join().status()).isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void aNatedPhonesFlowSurvivesARestart() {
        java.util.Map<String, String> noPings = java.util.Map.of("nat.keepaliveSeconds", "0");
        TestAppliance first = TestAppliance.start(noPings);
        TestAppliance second = null;
        try (RawSipClient phone = new RawSipClient("127.0.0.1", first.sipPort()).claiming("192.168.9.11:5060")) {
            first.user("2101", "Restarted Phone", "pw-restart-2101");
            first.user("2102", "Caller", "pw-caller-2102");
            String aor = "sip:2101@" + first.sipHostPort();
            assertThat(phone.sendWithDigest("REGISTER", "sip:" + first.sipHostPort(), aor, aor,
                    UUID.randomUUID() + "@r", List.of("Expires: 600"), null, "2101", "pw-restart-2101", WAIT)
                    .status()).isEqualTo(200);

            second = TestAppliance.restart(first, noPings);
            String target = "sip:2101@" + second.sipHostPort();
            String from = "sip:2102@" + second.sipHostPort();
            RawSipClient caller = new RawSipClient("127.0.0.1", second.sipPort());
            CompletableFuture.runAsync(() -> {
                try (caller) {
                    caller.sendWithDigest("INVITE", target, from, target, UUID.randomUUID() + "@caller", List.of(),
                            sdp(), "2102", "pw-caller-2102", WAIT);
                } catch (RuntimeException e) {
                    // The phone does not answer the restarted appliance's port: only the INVITE's arrival matters.
                }
            });
            assertThat(phone.receiveRequest(WAIT)).as("the restored flow, before any new REGISTER").isNotNull()
                    .startsWith("INVITE sip:probe@192.168.9.11:5060 SIP/2.0");
        } finally {
            (second != null ? second : first).close();
        }
    }

    @Test
    void keepalivePingsReachTheNatMappingAndOnlyIt() {
        try (RawSipClient natted = new RawSipClient("127.0.0.1", pbx.sipPort()).claiming("192.168.9.10:5060");
             RawSipClient direct = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            register(natted, "2003", "pw-pinged-2003");
            register(direct, "2004", "pw-direct-2004");

            String ping = natted.receiveRequest(Duration.ofSeconds(6));
            assertThat(ping).as("an OPTIONS ping within two intervals").isNotNull()
                    .startsWith("OPTIONS sip:probe@192.168.9.10:5060 SIP/2.0");
            natted.reply(ping, 200, "OK");
            assertThat(direct.receiveRequest(Duration.ofSeconds(5))).as("a phone reached directly is not pinged")
                    .isNull();
        }
    }

    @Test
    void pathIsReturnedAndBecomesTheRouteSetAndOutboundIsRequired() {
        try (RawSipClient phone = new RawSipClient("127.0.0.1", pbx.sipPort());
             RawSipClient edge = new RawSipClient("127.0.0.1", pbx.sipPort());
             RawSipClient caller = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            String aor = "sip:2005@" + pbx.sipHostPort();
            String path = "<sip:edge-token@127.0.0.1:" + edge.localPort() + ";lr>";
            Response ok = phone.sendWithDigest("REGISTER", "sip:" + pbx.sipHostPort(), aor, aor,
                    UUID.randomUUID() + "@edge", List.of("Expires: 600", "Path: " + path, "Supported: path, outbound"),
                    null, "2005", "pw-edge-2005", WAIT);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.all("path")).containsExactly(path);
            assertThat(pbx.appliance().registrar().lookup("sip:2005@" + TestAppliance.DOMAIN).get(0).path())
                    .containsExactly(path);

            String target = "sip:2005@" + pbx.sipHostPort();
            CompletableFuture<Response> call = CompletableFuture.supplyAsync(() -> caller.sendWithDigest("INVITE",
                    target, "sip:2002@" + pbx.sipHostPort(), target, UUID.randomUUID() + "@caller", List.of(),
                    sdp(), "2002", "pw-caller-2002", WAIT));
            String invite = edge.receiveRequest(WAIT);
            assertThat(invite).as("the INVITE went to the first Path hop").isNotNull()
                    .startsWith("INVITE sip:probe@127.0.0.1:" + phone.localPort() + " SIP/2.0")
                    .containsPattern("(?mi)^Route: " + java.util.regex.Pattern.quote(path) + "\r?$");
            edge.reply(invite, 486, "Busy Here");
            assertThat(call.join().status()).isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void outboundRegistrationIsAnsweredWithRequireOutbound() {
        try (RawSipClient phone = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            String aor = "sip:2004@" + pbx.sipHostPort();
            String contact = "Contact: <sip:probe@127.0.0.1:" + phone.localPort() + ";ob>;reg-id=1;"
                    + "+sip.instance=\"<urn:uuid:00000000-0000-0000-0000-0000000000aa>\"";
            String register = phone.request("REGISTER", "sip:" + pbx.sipHostPort(), aor, aor,
                    UUID.randomUUID() + "@ob", 1, List.of("Expires: 600", "Supported: outbound"), null)
                    .replaceFirst("(?m)^Contact: .*$", java.util.regex.Matcher.quoteReplacement(contact));
            Response challenge = phone.send(register, WAIT);
            assertThat(challenge.status()).isEqualTo(401);
            String answer = SipText.digest("2004", "pw-direct-2004", "REGISTER", "sip:" + pbx.sipHostPort(),
                    challenge.header("www-authenticate"));
            Response ok = phone.send(register.replace("CSeq: 1 REGISTER", "CSeq: 2 REGISTER")
                    .replaceFirst(";branch=[^;\r\n]+", ";branch=" + SipText.branch())
                    .replace("Supported: outbound", "Supported: outbound\r\nAuthorization: " + answer), WAIT);

            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.all("require")).anyMatch(r -> r.contains("outbound"));
            Binding b = pbx.appliance().registrar().lookup("sip:2004@" + TestAppliance.DOMAIN).stream()
                    .filter(x -> x.contact().contains(";ob")).findFirst().orElseThrow();
            assertThat(b.regId()).isEqualTo(1);
            assertThat(b.instanceId()).isEqualTo("<urn:uuid:00000000-0000-0000-0000-0000000000aa>");
        }
    }

    @Test
    void tooManyPathValuesAreRefusedWith400() {
        try (RawSipClient phone = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            String aor = "sip:2005@" + pbx.sipHostPort();
            List<String> headers = new java.util.ArrayList<>(List.of("Expires: 600"));
            for (int i = 0; i < 9; i++) {
                headers.add("Path: <sip:edge" + i + ".example;lr>");
            }
            Response r = phone.sendWithDigest("REGISTER", "sip:" + pbx.sipHostPort(), aor, aor,
                    UUID.randomUUID() + "@paths", headers, null, "2005", "pw-edge-2005", WAIT);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.reason()).startsWith("Path too long");
        }
    }

    private static void register(RawSipClient client, String user, String password) {
        String aor = "sip:" + user + "@" + pbx.sipHostPort();
        assertThat(client.sendWithDigest("REGISTER", "sip:" + pbx.sipHostPort(), aor, aor, UUID.randomUUID() + "@r",
                List.of("Expires: 600"), null, user, password, WAIT).status()).isEqualTo(200);
    }

    /** The next request that is not a keepalive ping (those are answered). */
    private static String nextRequestOtherThanPings(RawSipClient phone) {
        for (int i = 0; i < 10; i++) {
            String request = phone.receiveRequest(WAIT);
            if (request == null || !request.startsWith("OPTIONS ")) {
                return request;
            }
            phone.reply(request, 200, "OK");
        }
        throw new AssertionError("only pings arrived");
    }

    private static String options(String viaHostPortAndParams) {
        String target = "sip:" + pbx.sipHostPort();
        return "OPTIONS " + target + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + viaHostPortAndParams + ";branch=" + SipText.branch() + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@192.0.2.1>;tag=" + System.nanoTime() + "\r\n"
                + "To: <" + target + ">\r\n"
                + "Call-ID: " + UUID.randomUUID() + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static String receiveAnswer(DatagramSocket socket, String request) throws Exception {
        send(socket, request);
        return receive(socket);
    }

    private static void send(DatagramSocket socket, String request) throws Exception {
        byte[] data = request.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(data, data.length, InetAddress.getLoopbackAddress(), pbx.sipPort()));
    }

    private static String receive(DatagramSocket socket) throws Exception {
        socket.setSoTimeout((int) WAIT.toMillis());
        DatagramPacket p = new DatagramPacket(new byte[65535], 65535);
        socket.receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }

    /** One message from a stream: headers up to the blank line (our OPTIONS answers have no body). */
    private static String readMessage(InputStream in) throws Exception {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            sb.append((char) c);
        }
        return sb.toString();
    }

    private static String viaOf(String message) {
        for (String line : message.split("\r\n")) {
            if (line.regionMatches(true, 0, "Via:", 0, 4)) {
                return line;
            }
        }
        throw new AssertionError("no Via in\n" + message);
    }

    private static String sdp() {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    }
}
