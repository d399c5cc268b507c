package com.crosspoint.relay.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The copy-on-write channel tables: look-ups by number and by peer, slots that collide, IPv6, replacing, expiry. */
class ChannelBindingsTest {
    private final ChannelBindings bindings = new ChannelBindings();

    @Test
    void findsABindingByItsNumberAndByItsPeerAndNothingElse() {
        ChannelBinding b = new ChannelBinding(0x4000, peer("198.51.100.7", 5000), 1000);
        bindings.bind(b);

        assertThat(bindings.byChannel(0x4000)).isSameAs(b);
        assertThat(bindings.byPeer(peer("198.51.100.7", 5000))).as("an equal address, not the same object")
                .isSameAs(b);
        assertThat(bindings.byChannel(0x4001)).isNull();
        assertThat(bindings.byPeer(peer("198.51.100.7", 5001))).isNull();
        assertThat(bindings.byPeer(peer("198.51.100.8", 5000))).isNull();
    }

    @Test
    void anEmptyTableFindsNothing() {
        assertThat(bindings.byChannel(0x4000)).isNull();
        assertThat(bindings.byPeer(peer("198.51.100.7", 5000))).isNull();
        assertThat(bindings.size()).isZero();
    }

    @Test
    void peersWithTheSameHashCodeAreAllFoundApart() {
        // InetSocketAddress's hash is the IPv4 address plus the port: 10.0.0.i:(6000 - i) all hash alike.
        List<ChannelBinding> bound = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            ChannelBinding b = new ChannelBinding(0x4000 + i * 0x100, peer("10.0.0." + i, 6000 - i), 1000);
            bound.add(b);
            bindings.bind(b);
        }
        assertThat(peer("10.0.0.1", 5999).hashCode()).isEqualTo(peer("10.0.0.40", 5960).hashCode());

        for (ChannelBinding b : bound) {
            assertThat(bindings.byPeer(peer(b.peer().getAddress().getHostAddress(), b.peer().getPort())))
                    .isSameAs(b);
            assertThat(bindings.byChannel(b.channel())).isSameAs(b);
        }
        assertThat(bindings.byPeer(peer("10.0.0.41", 5959))).as("same hash, never bound").isNull();
        assertThat(bindings.byChannel(0x4000 + 41 * 0x100)).isNull();
        assertThat(bindings.size()).isEqualTo(40);
    }

    @Test
    void everyNumberOfTheRangeCanBeBoundAndFound() {
        for (int channel = 0x4000; channel <= 0x7FFF; channel += 7) {
            bindings.bind(new ChannelBinding(channel, peer("10.1." + (channel >> 8 & 0xFF) + "." + (channel & 0xFF),
                    7000), 1000));
        }
        for (int channel = 0x4000; channel <= 0x7FFF; channel++) {
            ChannelBinding found = bindings.byChannel(channel);
            if ((channel - 0x4000) % 7 == 0) {
                assertThat(found).isNotNull();
                assertThat(found.channel()).isEqualTo(channel);
                assertThat(bindings.byPeer(found.peer())).isSameAs(found);
            } else {
                assertThat(found).isNull();
            }
        }
    }

    @Test
    void ipv6PeersAreFoundByAnEqualAddressAndNotConfusedWithOthers() {
        ChannelBinding one = new ChannelBinding(0x4001, peer("2001:db8::1", 5000), 1000);
        ChannelBinding two = new ChannelBinding(0x4002, peer("2001:db8::2", 5000), 1000);
        ChannelBinding mapped = new ChannelBinding(0x4003, peer("192.0.2.1", 5000), 1000);
        bindings.bind(one);
        bindings.bind(two);
        bindings.bind(mapped);

        assertThat(bindings.byPeer(peer("2001:0db8:0:0:0:0:0:1", 5000))).isSameAs(one);
        assertThat(bindings.byPeer(peer("2001:db8::2", 5000))).isSameAs(two);
        assertThat(bindings.byPeer(peer("2001:db8::3", 5000))).isNull();
        assertThat(bindings.byPeer(peer("::ffff:192.0.2.1", 5000))).as("the JDK reads this as IPv4")
                .isSameAs(mapped);
    }

    @Test
    void aRefreshReplacesTheBindingAndANewBindingTakesOverItsNumberAndItsPeer() {
        bindings.bind(new ChannelBinding(0x4000, peer("198.51.100.7", 5000), 1000));
        ChannelBinding refreshed = new ChannelBinding(0x4000, peer("198.51.100.7", 5000), 2000);
        bindings.bind(refreshed);
        assertThat(bindings.size()).isEqualTo(1);
        assertThat(bindings.byChannel(0x4000)).isSameAs(refreshed);

        // The number, then the peer, move to new bindings (the handler checked the old ones had expired).
        ChannelBinding otherPeer = new ChannelBinding(0x4000, peer("198.51.100.8", 5000), 3000);
        bindings.bind(otherPeer);
        assertThat(bindings.byPeer(peer("198.51.100.7", 5000))).isNull();
        ChannelBinding otherNumber = new ChannelBinding(0x4001, peer("198.51.100.8", 5000), 4000);
        bindings.bind(otherNumber);
        assertThat(bindings.byChannel(0x4000)).isNull();
        assertThat(bindings.byChannel(0x4001)).isSameAs(otherNumber);
        assertThat(bindings.byPeer(peer("198.51.100.8", 5000))).isSameAs(otherNumber);
        assertThat(bindings.size()).isEqualTo(1);
    }

    @Test
    void expiryRemovesExactlyTheExpiredOnesAndTheRestAreStillFound() {
        for (int i = 0; i < 20; i++) {
            bindings.bind(new ChannelBinding(0x4000 + i, peer("10.0.0." + (i + 1), 6000 - i), i % 2 == 0 ? 100 : 200));
        }
        bindings.expire(100);

        assertThat(bindings.size()).isEqualTo(10);
        for (int i = 0; i < 20; i++) {
            boolean kept = i % 2 == 1;
            assertThat(bindings.byChannel(0x4000 + i) != null).as("channel %x", 0x4000 + i).isEqualTo(kept);
            assertThat(bindings.byPeer(peer("10.0.0." + (i + 1), 6000 - i)) != null).isEqualTo(kept);
        }
        bindings.expire(200);
        assertThat(bindings.size()).isZero();
        assertThat(bindings.byChannel(0x4001)).isNull();
    }

    private static InetSocketAddress peer(String ip, int port) {
        return new InetSocketAddress(ip, port);
    }
}
