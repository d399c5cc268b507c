package com.crosspoint.relay.turn;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.relay.stun.StunMessage;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stand-ins for the transport: a client link that keeps what it was sent, relay sockets that keep what they sent. */
final class TurnFakes {
    private TurnFakes() {
    }

    static final class FakeLink implements ClientLink {
        private final FiveTuple tuple;
        final List<byte[]> sent = new ArrayList<>();

        FakeLink(FiveTuple tuple) {
            this.tuple = tuple;
        }

        @Override
        public FiveTuple fiveTuple() {
            return tuple;
        }

        @Override
        public void send(byte[] data, int offset, int length) {
            sent.add(java.util.Arrays.copyOfRange(data, offset, offset + length));
        }

        @Override
        public boolean stream() {
            return false;
        }

        StunMessage last() {
            return TurnServiceTest.decode(rawLast());
        }

        byte[] rawLast() {
            assertThat(sent).as("an answer was sent").isNotEmpty();
            return sent.get(sent.size() - 1);
        }
    }

    static final class FakeRelays implements RelayEndpoints {
        final List<Endpoint> open = new ArrayList<>();

        @Override
        public Optional<RelayEndpoint> open(int port, Allocation allocation) {
            Endpoint e = new Endpoint(port);
            open.add(e);
            return Optional.of(e);
        }

        final class Endpoint implements RelayEndpoint {
            final int port;
            final List<byte[]> sent = new ArrayList<>();

            Endpoint(int port) {
                this.port = port;
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public void send(byte[] data, int offset, int length, InetSocketAddress peer) {
                sent.add(java.util.Arrays.copyOfRange(data, offset, offset + length));
            }

            @Override
            public void close() {
                open.remove(this);
            }
        }
    }
}
