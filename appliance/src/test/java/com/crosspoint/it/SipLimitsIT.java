package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.model.Binding;
import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.RawSipClient;
import com.crosspoint.testing.RawSipClient.Response;
import com.crosspoint.testing.RtpCaller;
import com.crosspoint.testing.SipText;
import com.crosspoint.testing.TestAppliance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 5: limits per address of record, device, tenant and user, and on TCP connections. Before, one
 * REGISTER bound 300 contacts, a device held as many calls as it asked for, a user as many MWI subscriptions, and
 * TCP connections were neither capped per source nor closed when idle. Here the limits are set low so a few
 * requests reach them: each is refused with its code, and what is within its share still works.
 */
class SipLimitsIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(?:Content-Length|l)\\s*:\\s*(\\d+)");
    private static TestAppliance pbx;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start(Map.of("sip.limits.contactsPerAor", "3", "sip.limits.callsPerDevice", "2",
                "sip.limits.callsPerTenant", "3", "sip.limits.subscriptionsPerUser", "2",
                "sip.limits.tcpConnectionsPerSource", "3", "sip.limits.tcpIdleSeconds", "2"));
        for (String ext : List.of("1001", "1002", "1003", "1004", "1005", "1006", "1007")) {
            pbx.user(ext, "User " + ext, password(ext));
        }
        AdminApi api = new AdminApi(pbx.appliance().httpPort(), "admin", "admin-secret");
        api.post("/tenants/" + pbx.tenant().id() + "/conferences", "{\"number\":\"800\",\"name\":\"Limits\"}");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void aRegisterListingMoreContactsThanAnAorMayHaveIsRefused() {
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            contacts.add("Contact: <sip:victim" + i + "@192.0.2.1:" + (10000 + i) + ">");
        }
        contacts.add("Expires: 600");
        try (RawSipClient client = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            Response r = register(client, "1001", UUID.randomUUID() + "@probe", contacts);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.reason()).contains("Too many contacts");
        }
        assertThat(pbx.appliance().registrar().lookup(aor("1001"))).isEmpty();
    }

    @Test
    void beyondTheLimitTheLeastRecentlyRefreshedBindingsAreReplaced() {
        for (int i = 0; i < 5; i++) {
            try (RawSipClient phone = new RawSipClient("127.0.0.1", pbx.sipPort())) {
                Response r = register(phone, "1002", UUID.randomUUID() + "@phone" + i, List.of("Expires: 600"));
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.all("contact")).hasSizeLessThanOrEqualTo(3);
            }
        }
        List<Binding> bindings = pbx.appliance().registrar().lookup(aor("1002"));
        assertThat(bindings).hasSize(3);
        assertThat(pbx.appliance().stores().bindings().listAll()).filteredOn(b -> b.aor().equals(aor("1002")))
                .hasSize(3);
    }

    @Test
    void callsBeyondADevicesOrATenantsShareAreRefused() {
        List<RtpCaller> live = new ArrayList<>();
        try {
            live.add(inRoom("1003"));
            live.add(inRoom("1003"));
            Response third = invite("1003");
            assertThat(third.status()).as("the device's third call").isEqualTo(486);

            live.add(inRoom("1004"));
            Response tenantFull = invite("1005");
            assertThat(tenantFull.status()).as("the tenant's fourth call").isEqualTo(503);
            assertThat(tenantFull.header("retry-after")).isNotNull();

            try (RtpCaller first = live.remove(0)) {
                first.hangUp(WAIT);
            }
            // A call that ended frees its share.
            await().atMost(WAIT).untilAsserted(() -> {
                RtpCaller again = new RtpCaller(pbx.sipHostPort(), "1005", password("1005"));
                try {
                    again.call("800", WAIT);
                    live.add(again);
                } catch (IllegalStateException e) {
                    again.close();
                    throw new AssertionError(e);
                }
            });
        } finally {
            for (RtpCaller c : live) {
                c.hangUp(WAIT);
                c.close();
            }
        }
    }

    @Test
    void aUsersMessageSummarySubscriptionsAreLimited() {
        try (RawSipClient device = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            List<Integer> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String uri = aor("1006");
                answers.add(device.sendWithDigest("SUBSCRIBE", "sip:1006@" + pbx.sipHostPort(), uri, uri,
                        UUID.randomUUID() + "@mwi", List.of("Event: message-summary", "Expires: 600",
                                "Accept: application/simple-message-summary"), null, "1006", password("1006"), WAIT)
                        .status());
            }
            assertThat(answers).containsExactly(200, 200, 403, 403);
        }
    }

    @Test
    void tcpConnectionsAreCappedPerSourceAndClosedWhenIdle() throws IOException {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                sockets.add(connect("127.0.0.40"));
            }
            // The fourth and fifth are closed as they are accepted; the first three stay until they are idle.
            assertThat(closedWithin(sockets.get(3), Duration.ofSeconds(1))).isTrue();
            assertThat(closedWithin(sockets.get(4), Duration.ofSeconds(1))).isTrue();
            assertThat(closedWithin(sockets.get(0), Duration.ofMillis(200))).isFalse();
            for (int i = 0; i < 3; i++) {
                assertThat(closedWithin(sockets.get(i), Duration.ofSeconds(8))).as("idle connection " + i).isTrue();
            }
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    @Test
    void aConnectionAPhoneRegisteredOverStaysOpenWhenIdle() throws Exception {
        try (Socket phone = connect("127.0.0.41")) {
            String local = "127.0.0.41:" + phone.getLocalPort();
            String aor = aor("1007");
            String ruri = "sip:" + pbx.sipHostPort();
            String callId = UUID.randomUUID() + "@tcp";
            String challenge = exchange(phone, tcpRequest("REGISTER", ruri, local, aor, callId, 1, List.of()));
            assertThat(challenge).startsWith("SIP/2.0 401");
            String answer = SipText.digest("1007", password("1007"), "REGISTER", ruri, header(challenge, "WWW-Authenticate"));
            assertThat(exchange(phone, tcpRequest("REGISTER", ruri, local, aor, callId, 2,
                    List.of("Authorization: " + answer)))).startsWith("SIP/2.0 200");

            Thread.sleep(5_000); // more than twice the idle time
            assertThat(exchange(phone, tcpRequest("OPTIONS", ruri, local, aor, UUID.randomUUID() + "@tcp", 1,
                    List.of()))).startsWith("SIP/2.0 200");
        }
    }

    private static RtpCaller inRoom(String ext) {
        RtpCaller caller = new RtpCaller(pbx.sipHostPort(), ext, password(ext));
        caller.call("800", WAIT);
        return caller;
    }

    private static Response invite(String ext) {
        String target = "sip:800@" + pbx.sipHostPort();
        try (RawSipClient client = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            return client.sendWithDigest("INVITE", target, aor(ext), target, UUID.randomUUID() + "@probe", List.of(),
                    sdp(), ext, password(ext), WAIT);
        }
    }

    private static Response register(RawSipClient client, String ext, String callId, List<String> headers) {
        String aor = "sip:" + ext + "@" + pbx.sipHostPort();
        return client.sendWithDigest("REGISTER", "sip:" + pbx.sipHostPort(), aor, aor, callId, headers, null, ext,
                password(ext), WAIT);
    }

    private static String aor(String ext) {
        return "sip:" + ext + "@" + TestAppliance.DOMAIN;
    }

    private static String password(String ext) {
        return "pw-limits-" + ext;
    }

    private static Socket connect(String localAddress) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        s.connect(new InetSocketAddress("127.0.0.1", pbx.sipPort()), 2000);
        return s;
    }

    /** Whether the appliance closed the connection: a read sees end of stream (or a reset) in time. */
    private static boolean closedWithin(Socket s, Duration timeout) throws IOException {
        s.setSoTimeout((int) timeout.toMillis());
        try {
            return s.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static String tcpRequest(String method, String ruri, String local, String aor, String callId, int cseq,
                                     List<String> extra) {
        String request = SipText.request(method, ruri, local, SipText.branch(), "<" + aor + ">;tag=" + cseq + callId.hashCode(),
                "<" + aor + ">", callId, cseq, "<sip:1007@" + local + ";transport=tcp>", concat(extra, "Expires: 600"),
                null);
        return request.replace("SIP/2.0/UDP", "SIP/2.0/TCP");
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }

    /** Sends a request over the connection and reads the first final response to it. */
    private static String exchange(Socket s, String request) throws IOException {
        s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        s.setSoTimeout((int) WAIT.toMillis());
        while (true) {
            String response = readMessage(s.getInputStream());
            if (!response.startsWith("SIP/2.0 1")) {
                return response;
            }
        }
    }

    private static String readMessage(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new UncheckedIOException(new IOException("closed after: " + head));
            }
            if (head.length() == 0 && (b == '\r' || b == '\n')) {
                continue; // keep-alive CRLFs
            }
            head.append((char) b);
        }
        Matcher length = CONTENT_LENGTH.matcher(head);
        int body = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return head + new String(in.readNBytes(body), StandardCharsets.UTF_8);
    }

    private static String header(String message, String name) {
        for (String line : message.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        throw new IllegalStateException(name + " not in " + message);
    }

    private static String sdp() {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n";
    }
}
