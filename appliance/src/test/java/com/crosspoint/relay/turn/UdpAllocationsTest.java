package com.crosspoint.relay.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The per-listening-address index of UDP allocations the data path looks datagrams up in, kept by the table. */
class UdpAllocationsTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress("192.0.2.1", 3478);
    private static final InetSocketAddress OTHER_SERVER = new InetSocketAddress("192.0.2.1", 3479);
    private static final TurnUser USER = new TurnUser(1, 11, "1001@example.org");

    private final AllocationTable table = new AllocationTable(100, 100, 100);

    @Test
    void aUdpAllocationIsFoundByItsClientAddressAtItsServerAddressOnly() {
        Allocation a = allocation(FiveTuple.udp(client("198.51.100.7", 40000), SERVER));

        assertThat(table.udpAt(SERVER).find(client("198.51.100.7", 40000))).as("an equal address").isSameAs(a);
        assertThat(table.udpAt(SERVER).find(client("198.51.100.7", 40001))).isNull();
        assertThat(table.udpAt(SERVER).find(client("198.51.100.8", 40000))).isNull();
        assertThat(table.udpAt(OTHER_SERVER).find(client("198.51.100.7", 40000))).isNull();
        assertThat(table.udpAt(SERVER)).as("one index per server address").isSameAs(table.udpAt(SERVER));
    }

    @Test
    void clientsWhoseAddressesHashAlikeAreKeptApart() {
        // InetSocketAddress's hash is the IPv4 address plus the port.
        Allocation first = allocation(FiveTuple.udp(client("10.0.0.1", 5001), SERVER));
        Allocation second = allocation(FiveTuple.udp(client("10.0.0.2", 5000), SERVER));
        assertThat(client("10.0.0.1", 5001).hashCode()).isEqualTo(client("10.0.0.2", 5000).hashCode());

        assertThat(table.udpAt(SERVER).find(client("10.0.0.1", 5001))).isSameAs(first);
        assertThat(table.udpAt(SERVER).find(client("10.0.0.2", 5000))).isSameAs(second);
        table.remove(first);
        assertThat(table.udpAt(SERVER).find(client("10.0.0.1", 5001))).isNull();
        assertThat(table.udpAt(SERVER).find(client("10.0.0.2", 5000))).isSameAs(second);
    }

    @Test
    void ipv6ClientsAreFoundToo() {
        InetSocketAddress server = new InetSocketAddress("2001:db8::1", 3478);
        Allocation a = allocation(FiveTuple.udp(client("2001:db8::7", 40000), server));

        assertThat(table.udpAt(server).find(client("2001:db8:0:0:0:0:0:7", 40000))).isSameAs(a);
        assertThat(table.udpAt(server).find(client("2001:db8::8", 40000))).isNull();
        assertThat(table.udpAt(SERVER).find(client("2001:db8::7", 40000))).isNull();
    }

    @Test
    void anEndedAllocationLeavesTheIndexButANewerOneOfTheSameClientStays() {
        Allocation old = allocation(FiveTuple.udp(client("198.51.100.7", 40000), SERVER));
        assertThat(table.remove(old)).isTrue();
        assertThat(table.udpAt(SERVER).find(client("198.51.100.7", 40000))).isNull();
        assertThat(table.udpAt(SERVER).size()).isZero();

        Allocation newer = allocation(FiveTuple.udp(client("198.51.100.7", 40000), SERVER));
        assertThat(table.remove(old)).as("ended already").isFalse();
        table.udpAt(SERVER).remove(old);
        assertThat(table.udpAt(SERVER).find(client("198.51.100.7", 40000))).isSameAs(newer);
    }

    @Test
    void streamAllocationsAreNotInTheUdpIndex() {
        allocation(new FiveTuple(client("198.51.100.7", 40000), SERVER, FiveTuple.Transport.TCP, 1));

        assertThat(table.udpAt(SERVER).find(client("198.51.100.7", 40000))).isNull();
        assertThat(table.size()).isEqualTo(1);
    }

    private Allocation allocation(FiveTuple tuple) {
        assertThat(table.reserve(USER)).isTrue();
        Allocation a = new Allocation(tuple, USER, "1001", new TurnFakes.FakeLink(tuple),
                new InetSocketAddress("192.0.2.1", 50000), tuple.transport() != FiveTuple.Transport.UDP, 1000);
        table.add(a);
        return a;
    }

    private static InetSocketAddress client(String ip, int port) {
        return new InetSocketAddress(ip, port);
    }
}
