package com.crosspoint.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TLS turns on with a keystore, which is opened at load time so mistakes surface at start. */
class KeystoreValidationTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    Path dir;

    private CrosspointConfig load(String tlsYaml) throws IOException {
        Path file = Files.writeString(dir.resolve("node.yaml"), "sip:\n  tls:\n" + tlsYaml);
        return new ConfigLoader(Map.of(), Optional::empty).load(Optional.of(file));
    }

    /** A self-signed key pair; keytool is the JDK's only way to make a certificate. */
    private Path keystoreWithKey() throws IOException, InterruptedException {
        Path keystore = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "sip",
                "-keyalg", "EC", "-dname", "CN=crosspoint.test", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return keystore;
    }

    private Path emptyKeystore() throws IOException, GeneralSecurityException {
        Path keystore = dir.resolve("empty.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (OutputStream out = Files.newOutputStream(keystore)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return keystore;
    }

    @Test
    void keystoreWithPrivateKeyEnablesTls() throws Exception {
        Path keystore = keystoreWithKey();

        TlsConfig tls = load("    keystore: " + keystore + "\n    keystorePassword: " + PASSWORD + "\n"
                + "    keystoreType: pkcs12\n").sip().tls();

        assertThat(tls.enabled()).isTrue();
        assertThat(tls.keystore()).contains(keystore.toAbsolutePath());
        assertThat(tls.keystoreType()).isEqualTo("PKCS12");
    }

    @Test
    void missingKeystoreIsNamed() {
        Path absent = dir.resolve("absent.p12");

        assertThatThrownBy(() -> load("    keystore: " + absent + "\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("sip.tls.keystore: file not found: " + absent.toAbsolutePath());
    }

    @Test
    void wrongKeystorePasswordIsNamed() throws Exception {
        Path keystore = keystoreWithKey();

        assertThatThrownBy(() -> load("    keystore: " + keystore + "\n    keystorePassword: wrong\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("sip.tls.keystorePassword: wrong password for " + keystore.toAbsolutePath());
    }

    @Test
    void unreadableFormatIsNamed() throws IOException {
        Path keystore = Files.writeString(dir.resolve("garbage.p12"), "not a keystore");

        assertThatThrownBy(() -> load("    keystore: " + keystore + "\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("sip.tls.keystore: cannot read " + keystore.toAbsolutePath() + " as PKCS12");
    }

    @Test
    void keystoreWithoutPrivateKeyIsNamed() throws Exception {
        Path keystore = emptyKeystore();

        assertThatThrownBy(() -> load("    keystore: " + keystore + "\n    keystorePassword: " + PASSWORD + "\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("sip.tls.keystore: contains no private key: " + keystore.toAbsolutePath());
    }

    @Test
    void tlsPortMustDifferFromSipPortWhenTlsIsOn() throws Exception {
        Path keystore = keystoreWithKey();

        assertThatThrownBy(() -> load("    port: 5060\n    keystore: " + keystore + "\n    keystorePassword: "
                + PASSWORD + "\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("sip.tls.port: must differ from sip.port (both 5060)");
    }

    @Test
    void tlsPortMayEqualSipPortWhileTlsIsOff() throws IOException {
        assertThat(load("    port: 5060\n").sip().tls().enabled()).isFalse();
    }
}
