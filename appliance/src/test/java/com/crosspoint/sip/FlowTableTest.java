package com.crosspoint.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.events.RegistrationEvent;
import com.crosspoint.events.RegistrationEvent.Kind;
import com.crosspoint.model.Binding;
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

        Hop hop = flows.hopFor(uri("sip:1001-x@10.0.0.5:5062;transport=TCP")).orElseThrow();
        assertThat(hop.getHost()).isEqualTo("192.0.2.9");
        assertThat(hop.getPort()).isEqualTo(40001);
        assertThat(hop.getTransport()).isEqualToIgnoringCase("tcp");
        // Same host and port but another transport, or UDP: not this flow.
        assertThat(flows.hopFor(uri("sip:1001-x@10.0.0.5:5062"))).isEmpty();
        assertThat(flows.hopFor(uri("sip:1001-x@10.0.0.5:5062;transport=tls"))).isEmpty();
    }

    @Test
    void removedOrExpiredRegistrationForgetsTheFlow() throws ParseException {
        flows.onEvent(event(Kind.ADDED, "sip:a@10.0.0.5;transport=tls", "TLS", "192.0.2.9:40002"));
        assertThat(flows.hopFor(uri("sip:a@10.0.0.5:5061;transport=tls"))).isPresent();
        flows.onEvent(event(Kind.EXPIRED, "sip:a@10.0.0.5;transport=tls", "TLS", "192.0.2.9:40002"));
        assertThat(flows.hopFor(uri("sip:a@10.0.0.5;transport=tls"))).isEmpty();
    }

    @Test
    void udpRegistrationsAreNotFlows() throws ParseException {
        flows.onEvent(event(Kind.ADDED, "sip:b@10.0.0.6:5060", "UDP", "192.0.2.9:5060"));
        assertThat(flows.size()).isZero();
    }

    private URI uri(String s) throws ParseException {
        return addresses.createURI(s);
    }

    private static RegistrationEvent event(Kind kind, String contact, String transport, String source) {
        Binding b = new Binding(1, 1, 1, "sip:1001@t.example", contact, "cid", 1, Instant.now().plusSeconds(60),
                transport, source, "ua", Instant.now());
        return new RegistrationEvent(kind, b, Instant.now());
    }
}
