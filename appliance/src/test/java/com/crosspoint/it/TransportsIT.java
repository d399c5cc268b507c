package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.HarnessFiles;
import com.crosspoint.testing.TestAppliance;
import com.crosspoint.testing.TlsTestKeys;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SIP over TCP (a real phone calling one on UDP through the B2BUA) and over TLS with a configured keystore. */
class TransportsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestAppliance pbx;
    private static int tlsPort;

    @BeforeAll
    static void start() throws Exception {
        Path keystore = HarnessFiles.tempDir("tls").resolve("appliance.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "crosspoint", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").inheritIO().start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0).isTrue();
        tlsPort = FreePorts.udpAndTcp();
        pbx = TestAppliance.start(Map.of("sip.tls.keystore", keystore.toString(),
                "sip.tls.keystorePassword", "changeit", "sip.tls.port", Integer.toString(tlsPort)));
        pbx.user("1001", "Alice", "pw-alice-1001");
        pbx.user("1002", "Bob", "pw-bob-1002");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    /** The TCP phone registers and calls over TCP; the BYE towards it reuses its registration connection. */
    @Test
    void phoneOnTcpCallsPhoneOnUdp() {
        try (BaresipPhone alice = BaresipPhone.builder(pbx.uri("1001") + ";transport=tcp").password("pw-alice-1001").start();
             BaresipPhone bob = BaresipPhone.builder(pbx.uri("1002")).password("pw-bob-1002").start()) {
            alice.awaitRegistered(WAIT);
            bob.awaitRegistered(WAIT);
            assertThat(pbx.appliance().registrar().list(pbx.tenant().id()))
                    .anySatisfy(b -> assertThat(b.transport()).isEqualTo("TCP"));
            alice.dial(pbx.uri("1002"));
            alice.awaitEvent("CALL_ESTABLISHED", WAIT);
            bob.awaitEvent("CALL_ESTABLISHED", WAIT);
            bob.hangup();
            alice.awaitEvent("CALL_CLOSED", WAIT);
        }
    }

    /** The INVITE towards a TCP phone goes over the connection it registered on (baresip accepts no other). */
    @Test
    void phoneOnUdpCallsPhoneOnTcp() {
        try (BaresipPhone alice = BaresipPhone.builder(pbx.uri("1001") + ";transport=tcp").password("pw-alice-1001").start();
             BaresipPhone bob = BaresipPhone.builder(pbx.uri("1002")).password("pw-bob-1002").start()) {
            alice.awaitRegistered(WAIT);
            bob.awaitRegistered(WAIT);
            bob.dial(pbx.uri("1001"));
            alice.awaitEvent("CALL_ESTABLISHED", WAIT);
            bob.awaitEvent("CALL_ESTABLISHED", WAIT);
            bob.hangup();
            alice.awaitEvent("CALL_CLOSED", WAIT);
        }
    }

    @Test
    void optionsOverTlsIsAnswered() throws Exception {
        SSLContext tls = TlsTestKeys.trustingClient();
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", tlsPort)) {
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.startHandshake();
            int local = socket.getLocalPort();
            String options = "OPTIONS sip:127.0.0.1:" + tlsPort + ";transport=tls SIP/2.0\r\n"
                    + "Via: SIP/2.0/TLS 127.0.0.1:" + local + ";rport;branch=z9hG4bK-tls-probe\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=tls1\r\nTo: <sip:127.0.0.1>\r\n"
                    + "Call-ID: tls-probe@127.0.0.1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(options.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("SIP/2.0 200 OK");
            assertThat(socket.getSession().getProtocol()).startsWith("TLSv1.");
        }
    }
}
