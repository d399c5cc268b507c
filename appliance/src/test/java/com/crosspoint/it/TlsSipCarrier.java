package com.crosspoint.it;

import static com.crosspoint.it.SipText.readMessage;
import static com.crosspoint.it.SipText.send;
import static com.crosspoint.it.SipText.values;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A carrier that speaks SIP over TLS, which SIPp cannot: a TLS listener on 127.0.0.1 with its own certificate that
 * answers each INVITE 100, 180 and 200 (with an SDP answer and the Record-Route set copied), each BYE 200, and ignores
 * ACKs. It counts connections whose handshake finished, those whose handshake failed (the router refused the
 * certificate), and the requests it received.
 */
final class TlsSipCarrier implements AutoCloseable {
    private final SSLServerSocket server;
    private final Thread acceptor;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger failedHandshakes = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    TlsSipCarrier(SSLContext context, String name) throws IOException {
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getByName("127.0.0.1"));
        acceptor = new Thread(this::accept, name + "-tls-carrier");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections whose TLS handshake finished. */
    int connections() {
        return connections.get();
    }

    /** Connections whose TLS handshake failed: the peer refused this carrier's certificate, or spoke no TLS. */
    int failedHandshakes() {
        return failedHandshakes.get();
    }

    /** Request lines with their top Via, as received. */
    List<String> requests() {
        return requests;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                SSLSocket socket = (SSLSocket) server.accept();
                open.add(socket);
                Thread t = new Thread(() -> serve(socket), acceptor.getName() + "-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(SSLSocket socket) {
        try {
            socket.startHandshake();
        } catch (IOException e) {
            failedHandshakes.incrementAndGet();
            close(socket);
            return;
        }
        connections.incrementAndGet();
        try (InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                String request = readMessage(in);
                requests.add(request.substring(0, request.indexOf("\r\n")) + " | " + values(request, "Via").get(0));
                if (request.startsWith("INVITE ")) {
                    send(out, answer(request, "100 Trying", false));
                    send(out, answer(request, "180 Ringing", false));
                    send(out, answer(request, "200 OK", true));
                } else if (request.startsWith("BYE ")) {
                    send(out, answer(request, "200 OK", false));
                }
            }
        } catch (IOException e) {
            close(socket); // the router closed the connection, or the test ended
        }
    }

    private String answer(String request, String status, boolean answered) {
        StringBuilder b = new StringBuilder("SIP/2.0 ").append(status).append("\r\n");
        for (String via : values(request, "Via")) {
            b.append("Via: ").append(via).append("\r\n");
        }
        if (answered) {
            for (String rr : values(request, "Record-Route")) {
                b.append("Record-Route: ").append(rr).append("\r\n");
            }
        }
        String to = values(request, "To").get(0);
        b.append("From: ").append(values(request, "From").get(0)).append("\r\n")
                .append("To: ").append(to).append(to.contains(";tag=") || status.startsWith("100") ? "" : ";tag=tls-carrier")
                .append("\r\nCall-ID: ").append(values(request, "Call-ID").get(0)).append("\r\n")
                .append("CSeq: ").append(values(request, "CSeq").get(0)).append("\r\n");
        if (answered && request.startsWith("INVITE ")) {
            String sdp = "v=0\r\no=carrier 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
            return b.append("Contact: <sip:carrier@127.0.0.1:").append(port()).append(";transport=tls>\r\n")
                    .append("Content-Type: application/sdp\r\nContent-Length: ").append(sdp.length())
                    .append("\r\n\r\n").append(sdp).toString();
        }
        return b.append("Content-Length: 0\r\n\r\n").toString();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(TlsSipCarrier::close);
    }
}
