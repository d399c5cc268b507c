package com.crosspoint.testing;

import com.crosspoint.config.TlsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A throwaway self-signed certificate for a TLS listener under test (made with the JDK's keytool, password
 * {@link #PASSWORD}), and the client side that trusts it as it is: what these tests check is the server side.
 */
public final class TlsTestKeys {
    public static final String PASSWORD = "changeit";

    private TlsTestKeys() {
    }

    /** A new PKCS12 keystore with one RSA key pair for CN=localhost, in {@code dir}. */
    public static Path keystore(Path dir) {
        return keystore(dir, null);
    }

    /**
     * As {@link #keystore(Path)}, the certificate also naming {@code subjectAltName} (keytool's syntax, e.g.
     * {@code ip:127.0.0.1}) when not null: what a client checking host names needs.
     */
    public static Path keystore(Path dir, String subjectAltName) {
        Path file = dir.resolve("proxy-" + System.nanoTime() + ".p12");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-genkeypair", "-alias", "crosspoint", "-keyalg", "RSA", "-keysize", "2048", "-validity",
                "2", "-dname", "CN=localhost", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (subjectAltName != null) {
            command.addAll(List.of("-ext", "SAN=" + subjectAltName));
        }
        try {
            Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
            keytool.getInputStream().transferTo(OutputStream.nullOutputStream());
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed");
            }
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS12 trust store (password {@link #PASSWORD}) holding the certificates of {@code keystores}, in {@code dir}. */
    public static Path trustStore(Path dir, Path... keystores) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (Path k : keystores) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(k)) {
                    store.load(in, PASSWORD.toCharArray());
                }
                trust.setCertificateEntry(k.getFileName().toString(), store.getCertificate("crosspoint"));
            }
            Path file = dir.resolve("trust-" + System.nanoTime() + ".p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                trust.store(out, PASSWORD.toCharArray());
            }
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server side of {@code keystore}, as the appliance builds it. */
    public static SSLContext server(Path keystore) {
        return new TlsConfig(0, Optional.of(keystore), PASSWORD, "PKCS12").serverContext();
    }

    /** A TLS client context that trusts whatever certificate it is shown. */
    public static SSLContext trustingClient() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustingManager()}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TLS client connection to {@code host:port}, handshake done, trusting whatever certificate it is shown. */
    public static SSLSocket connect(String host, int port, int timeoutMillis) throws IOException {
        SSLSocket socket = (SSLSocket) trustingClient().getSocketFactory().createSocket(host, port);
        socket.setSoTimeout(timeoutMillis);
        socket.startHandshake();
        return socket;
    }

    private static final class TrustingManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // no client certificates here
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // the listener's own throwaway certificate
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
