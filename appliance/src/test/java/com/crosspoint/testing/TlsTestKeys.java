package com.crosspoint.testing;

import com.crosspoint.config.TlsConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
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
        Path file = dir.resolve("proxy-" + System.nanoTime() + ".p12");
        try {
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "crosspoint", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-storetype", "PKCS12", "-keystore", file.toString(),
                    "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
            keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
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
