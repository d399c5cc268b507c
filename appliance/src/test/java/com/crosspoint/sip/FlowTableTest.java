package com.crosspoint.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.events.RegistrationEvent;
import com.crosspoint.events.RegistrationEvent.Kind;
import com.crosspoint.model.Binding;
import com.crosspoint.nat.NatAction;
import com.crosspoint.nat.NatFinding;
import com.crosspoint.nat.NatKind;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import java.text.ParseException;
import java.time.Instant;
import javax.sip.address.Hop;
import javax.sip.address.URI;
import org.junit.jupiter.api.Test;

class FlowTableTest {
    private final FlowTable flows = new FlowTable();
    private final AddressFactoryImpl addresses = new AddressFactoryImpl();

    @Test
    void tcpRegistrationRoutesRequestsToItsContactOverTheRegistrationConnection() throws ParseException {
        flows.onEvent(event(Kind.ADDED, "sip:1001-x@10.0.0.5:5062;transport=tcp", "TCP", "192.0.2.9:40001"));

        Hop hop = hop(uri("sip:1001-x@10.0.0.5:5062;transport=TCP")).orElseThrow();
        assertThat(hop.getHost()).isEqualTo("192.0.2.9");
        assertThat(hop.getPort()).isEqualTo(40001);
        assertThat(hop.getTransport()).isEqualToIgnoringCase("tcp");
        // Same host and port but another transport, or UDP: not this flow.
        assertThat(hop(uri("sip:1001-x@10.0.0.5:5062"))).isEmpty();
        assertThat(hop(uri("sip:1001-x@10.0.0.5:5062;transport=tls"))).isEmpty();
    }

    @Test
    void removedOrExpiredRegistrationForgetsTheFlow() throws ParseException {
        flows.onEvent(event(Kind.ADDED, "sip:a@10.0.0.5;transport=tls", "TLS", "192.0.2.9:40002"));
        assertThat(hop(uri("sip:a@10.0.0.5:5061;transport=tls"))).isPresent();
        flows.onEvent(event(Kind.EXPIRED, "sip:a@10.0.0.5;transport=tls", "TLS", "192.0.2.9:40002"));
        assertThat(hop(uri("sip:a@10.0.0.5;transport=tls"))).isEmpty();
    }

    @Test
    void udpRegistrationsReachedDirectlyAreNotFlows() throws ParseException {
        flows.onEvent(event(Kind.ADDED, "sip:b@10.0.0.6:5060", "UDP", "10.0.0.6:5060"));
        assertThat(flows.size()).isZero();
        assertThat(hop(uri("sip:b@10.0.0.6:5060"))).isEmpty();
    }

    @Test
    void natedUdpRegistrationRoutesToItsMappingAndKeepsTheContactAsRequestUri() throws ParseException {
        flows.onEvent(natEvent(Kind.ADDED, "sip:1001-q@192.168.77.10:5060", "10.200.0.2:17706"));

        Hop hop = hop(uri("sip:1001-q@192.168.77.10:5060")).orElseThrow();
        assertThat(hop.getHost()).isEqualTo("10.200.0.2");
        assertThat(hop.getPort()).isEqualTo(17706);
        assertThat(hop.getTransport()).isEqualToIgnoringCase("udp");
        assertThat(hop(uri("sip:1001-q@192.168.77.10"))).as("default port 5060 is the same contact").isPresent();
        // Not a stream flow: the TCP connection guard must not keep connections for it.
        assertThat(flows.registeredSources()).isEmpty();
    }

    @Test
    void twoPhonesWithTheSamePrivateAddressBehindDifferentNatsKeepTheirOwnFlows() throws ParseException {
        flows.onEvent(natEvent(Kind.ADDED, "sip:alice@192.168.1.10:5060", "198.51.100.1:40000"));
        flows.onEvent(natEvent(Kind.ADDED, "sip:bob@192.168.1.10:5060", "203.0.113.9:50000"));

        assertThat(hop(uri("sip:alice@192.168.1.10:5060")).orElseThrow().getHost()).isEqualTo("198.51.100.1");
        assertThat(hop(uri("sip:bob@192.168.1.10:5060")).orElseThrow().getHost()).isEqualTo("203.0.113.9");
        assertThat(hop(uri("sip:carol@192.168.1.10:5060"))).as("UDP flows match with their user part").isEmpty();
    }

    @Test
    void aRefreshThatNoLongerFindsNatDropsTheFlow() throws ParseException {
        flows.onEvent(natEvent(Kind.ADDED, "sip:c@192.168.1.10:5060", "198.51.100.1:40000"));
        flows.onEvent(event(Kind.REFRESHED, "sip:c@192.168.1.10:5060", "UDP", "192.168.1.10:5060"));
        assertThat(hop(uri("sip:c@192.168.1.10:5060"))).isEmpty();
    }

    @Test
    void registrationWithPathIsReachedThroughItsPath() throws ParseException {
        Binding b = new Binding(1, 1, 1, "sip:1001@t.example", "sip:d@192.0.2.20:5060", "cid", 1,
                Instant.now().plusSeconds(60), "UDP", "192.0.2.1:5060", "ua", Instant.now(),
                java.util.List.of("<sip:edge1.example;lr>", "<sip:edge2.example;lr>"), null, 0);
        flows.onEvent(new RegistrationEvent(Kind.ADDED, b, Instant.now(),
                NatFinding.NONE.with(NatAction.PATH_ROUTE)));
        assertThat(flows.flowFor(uri("sip:d@192.0.2.20:5060")).orElseThrow().path())
                .containsExactly("<sip:edge1.example;lr>", "<sip:edge2.example;lr>");
    }

    private java.util.Optional<Hop> hop(URI target) {
        return flows.flowFor(target).map(FlowTable.Flow::hop);
    }

    private URI uri(String s) throws ParseException {
        return addresses.createURI(s);
    }

    private static RegistrationEvent event(Kind kind, String contact, String transport, String source) {
        Binding b = new Binding(1, 1, 1, "sip:1001@t.example", contact, "cid", 1, Instant.now().plusSeconds(60),
                transport, source, "ua", Instant.now());
        return new RegistrationEvent(kind, b, Instant.now());
    }

    private static RegistrationEvent natEvent(Kind kind, String contact, String source) {
        Binding b = new Binding(1, 1, 1, "sip:1001@t.example", contact, "cid", 1, Instant.now().plusSeconds(60),
                "UDP", source, "ua", Instant.now());
        NatFinding nat = new NatFinding(NatKind.NAT, java.util.List.of(), java.util.List.of(NatAction.FLOW_ROUTING));
        return new RegistrationEvent(kind, b, Instant.now(), nat);
    }
}
