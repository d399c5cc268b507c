package com.crosspoint.testing;

import com.crosspoint.relay.stun.AttributeType;
import com.crosspoint.relay.stun.DecodeResult;
import com.crosspoint.relay.stun.ErrorCode;
import com.crosspoint.relay.stun.PasswordAlgorithm;
import com.crosspoint.relay.stun.StunClass;
import com.crosspoint.relay.stun.StunDecoder;
import com.crosspoint.relay.stun.StunMessage;
import com.crosspoint.relay.stun.StunMessageBuilder;
import com.crosspoint.relay.stun.StunMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * A STUN/TURN client over UDP for tests, built on the appliance's own codec: one socket (one 5-tuple), requests
 * answered synchronously (retransmitted twice), long-term credentials learnt from the first challenge, 438 retried.
 * The codec itself is checked against the RFC vectors and coturn, so a test may trust it to speak the protocol.
 */
public final class StunClient implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 700;
    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private String username;
    private byte[] key;
    private String realm;
    private String nonce;
    private String password;

    public StunClient(InetSocketAddress server) {
        this(server, "127.0.0.1");
    }

    /** A client on an ephemeral port of the given loopback address. */
    public StunClient(InetSocketAddress server, String localAddress) {
        this.server = server;
        try {
            this.socket = new DatagramSocket(new InetSocketAddress(localAddress, 0));
            socket.setSoTimeout(TIMEOUT_MILLIS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Credentials for {@link #authenticated}; the key is computed once the realm is known. */
    public StunClient as(String user, String password) {
        this.username = user;
        this.password = password;
        return this;
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** A request without credentials; empty when nothing answered. */
    public Optional<StunMessage> request(int method, UnaryOperator<StunMessageBuilder> attributes) {
        byte[] tid = new byte[12];
        ThreadLocalRandom.current().nextBytes(tid);
        return exchange(attributes.apply(new StunMessageBuilder(method, StunClass.REQUEST, tid)).build(true), tid);
    }

    /** A request with long-term credentials (challenge first if needed, a 438 retried once). */
    public StunMessage authenticated(int method, UnaryOperator<StunMessageBuilder> attributes) {
        if (nonce == null) {
            StunMessage challenge = request(method, attributes).orElseThrow(() -> new AssertionError("no answer"));
            if (challenge.stunClass() != StunClass.ERROR || !challenge.has(AttributeType.REALM)) {
                return challenge; // an answer, or an error that is no challenge (quota, capacity ...)
            }
            learn(challenge);
        }
        StunMessage answer = signed(method, attributes);
        if (answer.stunClass() == StunClass.ERROR && ErrorCode.read(answer).map(ErrorCode::code).orElse(0) == 438) {
            learn(answer);
            answer = signed(method, attributes);
        }
        return answer;
    }

    public StunMessage allocate() {
        return authenticated(StunMethod.ALLOCATE, b -> b.add(AttributeType.REQUESTED_TRANSPORT, new byte[] {17, 0, 0, 0}));
    }

    public StunMessage createPermission(InetSocketAddress peer) {
        return authenticated(StunMethod.CREATE_PERMISSION, b -> b.addXorAddress(AttributeType.XOR_PEER_ADDRESS, peer));
    }

    public StunMessage refresh(long lifetime) {
        return authenticated(StunMethod.REFRESH, b -> b.addUint32(AttributeType.LIFETIME, lifetime));
    }

    /** Sends raw bytes to the server (fuzzing, indications). */
    public void sendRaw(byte[] bytes) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next datagram within {@code millis}, empty when none came. */
    public Optional<byte[]> receive(int millis) {
        byte[] buf = new byte[65_536];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            socket.setSoTimeout(millis);
            socket.receive(p);
            return Optional.of(Arrays.copyOf(buf, p.getLength()));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int code(StunMessage m) {
        return m.stunClass() == StunClass.ERROR ? ErrorCode.read(m).map(ErrorCode::code).orElse(-1) : 0;
    }

    private void learn(StunMessage challenge) {
        realm = challenge.text(AttributeType.REALM).orElse(realm);
        nonce = challenge.text(AttributeType.NONCE).orElse(nonce);
        if (password != null && realm != null) {
            key = PasswordAlgorithm.MD5.key(username, realm, password);
        }
    }

    private StunMessage signed(int method, UnaryOperator<StunMessageBuilder> attributes) {
        byte[] tid = new byte[12];
        ThreadLocalRandom.current().nextBytes(tid);
        byte[] bytes = attributes.apply(new StunMessageBuilder(method, StunClass.REQUEST, tid))
                .addText(AttributeType.USERNAME, username).addText(AttributeType.REALM, realm)
                .addText(AttributeType.NONCE, nonce).build(key, AttributeType.MESSAGE_INTEGRITY, true);
        return exchange(bytes, tid).orElseThrow(() -> new AssertionError("no answer to " + StunMethod.name(method)));
    }

    private Optional<StunMessage> exchange(byte[] request, byte[] tid) {
        for (int attempt = 0; attempt < 3; attempt++) {
            sendRaw(request);
            long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
            while (System.currentTimeMillis() < deadline) {
                Optional<byte[]> got = receive((int) Math.max(1, deadline - System.currentTimeMillis()));
                if (got.isEmpty()) {
                    break;
                }
                if (StunDecoder.decode(got.get()) instanceof DecodeResult.Decoded d
                        && Arrays.equals(d.message().transactionId(), tid)) {
                    return Optional.of(d.message());
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        socket.close();
    }
}
