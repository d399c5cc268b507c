package com.crosspoint.nat;

import static com.crosspoint.nat.NatEvidence.Sign.ADDRESS_CHANGED;
import static com.crosspoint.nat.NatEvidence.Sign.CONTACT_NOT_SOURCE;
import static com.crosspoint.nat.NatEvidence.Sign.CONTACT_REWRITTEN;
import static com.crosspoint.nat.NatEvidence.Sign.LINK_LOCAL_CONTACT;
import static com.crosspoint.nat.NatEvidence.Sign.MAPPING_CHANGED;
import static com.crosspoint.nat.NatEvidence.Sign.PORT_NOT_PRESERVED;
import static com.crosspoint.nat.NatEvidence.Sign.PRIVATE_CONTACT;
import static com.crosspoint.nat.NatEvidence.Sign.VIA_ADDRESS_NOT_SOURCE;
import static com.crosspoint.nat.NatEvidence.Sign.VIA_REWRITTEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.nat.NatEvidence.Sign;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table of what a REGISTER showed (transport, source, Via, Contact, previous source) and what must be found. */
class RegistrationNatDetectorTest {

    static Stream<Arguments> sightings() {
        return Stream.of(
                row("phone on the server's network", "UDP", "10.200.0.21:5060", "10.200.0.21:5060", "10.200.0.21:5060",
                        null, NatKind.NONE),
                row("loopback client sending from another socket", "UDP", "127.0.0.1:40000", "127.0.0.1:5070",
                        "127.0.0.1:5070", "127.0.0.1:39000", NatKind.NONE),
                row("contact by name is taken as meant", "UDP", "203.0.113.7:5060", "203.0.113.7:5060",
                        "phone.example.com:5060", null, NatKind.NONE),
                row("symmetric NAT of the lab", "UDP", "10.200.0.2:17706", "192.168.77.10:5060", "192.168.77.10:5060",
                        null, NatKind.NAT_PORT_CHANGING, VIA_ADDRESS_NOT_SOURCE, CONTACT_NOT_SOURCE, PRIVATE_CONTACT,
                        PORT_NOT_PRESERVED),
                row("port-preserving NAT", "UDP", "203.0.113.7:5060", "192.168.1.20:5060", "192.168.1.20:5060", null,
                        NatKind.NAT, VIA_ADDRESS_NOT_SOURCE, CONTACT_NOT_SOURCE, PRIVATE_CONTACT),
                row("port-preserving NAT, refreshed from the same mapping", "UDP", "203.0.113.7:5060",
                        "192.168.1.20:5060", "192.168.1.20:5060", "203.0.113.7:5060", NatKind.NAT,
                        VIA_ADDRESS_NOT_SOURCE, CONTACT_NOT_SOURCE, PRIVATE_CONTACT),
                row("mapping changed between REGISTERs", "UDP", "203.0.113.7:5060", "192.168.1.20:5060",
                        "192.168.1.20:5060", "203.0.113.7:5099", NatKind.NAT_PORT_CHANGING, VIA_ADDRESS_NOT_SOURCE,
                        CONTACT_NOT_SOURCE, PRIVATE_CONTACT, MAPPING_CHANGED),
                row("public address changed (NAT rebooted, phone roamed)", "UDP", "203.0.113.7:5060",
                        "192.168.1.20:5060", "192.168.1.20:5060", "198.51.100.1:5060", NatKind.NAT,
                        VIA_ADDRESS_NOT_SOURCE, CONTACT_NOT_SOURCE, PRIVATE_CONTACT, ADDRESS_CHANGED),
                row("ALG rewrote the Contact, not the Via", "UDP", "203.0.113.7:5060", "192.168.1.20:5060",
                        "203.0.113.7:5060", null, NatKind.ALG_SUSPECTED, VIA_ADDRESS_NOT_SOURCE, CONTACT_REWRITTEN),
                row("ALG rewrote the Contact with the wrong port", "UDP", "203.0.113.7:31000", "192.168.1.20:5060",
                        "203.0.113.7:5060", null, NatKind.ALG_SUSPECTED, VIA_ADDRESS_NOT_SOURCE, PORT_NOT_PRESERVED,
                        CONTACT_REWRITTEN),
                row("ALG rewrote the Via, not the Contact", "UDP", "203.0.113.7:5060", "203.0.113.7:5060",
                        "192.168.1.20:5060", null, NatKind.ALG_SUSPECTED, CONTACT_NOT_SOURCE, PRIVATE_CONTACT,
                        VIA_REWRITTEN),
                row("link-local contact behind NAT", "UDP", "203.0.113.7:5060", "169.254.3.4:5060",
                        "169.254.3.4:5060", null, NatKind.NAT, VIA_ADDRESS_NOT_SOURCE, CONTACT_NOT_SOURCE,
                        LINK_LOCAL_CONTACT),
                row("carrier-grade NAT address (RFC 6598)", "UDP", "203.0.113.7:5060", "100.64.1.2:5060",
                        "100.64.1.2:5060", null, NatKind.NAT, VIA_ADDRESS_NOT_SOURCE, CONTACT_NOT_SOURCE,
                        PRIVATE_CONTACT),
                row("TCP from an ephemeral port, no NAT", "TCP", "192.0.2.9:40001", "192.0.2.9:5060",
                        "192.0.2.9:5060", "192.0.2.9:40999", NatKind.NONE),
                row("TCP behind NAT: ports of streams prove nothing", "TCP", "203.0.113.7:50123",
                        "192.168.1.20:5060", "192.168.1.20:5060", "203.0.113.7:50999", NatKind.NAT,
                        VIA_ADDRESS_NOT_SOURCE, CONTACT_NOT_SOURCE, PRIVATE_CONTACT),
                row("restored from the store: no Via, contact against source", "UDP", "10.200.0.2:17706", null,
                        "192.168.77.10:5060", null, NatKind.NAT_PORT_CHANGING, CONTACT_NOT_SOURCE, PRIVATE_CONTACT,
                        PORT_NOT_PRESERVED),
                row("IPv6 unique local contact", "UDP", "[2001:db8::7]:5060", "[fd00::20]:5060", "[fd00::20]:5060",
                        null, NatKind.NAT, VIA_ADDRESS_NOT_SOURCE, CONTACT_NOT_SOURCE, PRIVATE_CONTACT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sightings")
    void findsTheKindAndEvidence(String name, RegistrationSighting sighting, NatKind kind, List<Sign> signs) {
        NatFinding f = RegistrationNatDetector.examine(sighting);

        assertThat(f.kind()).isEqualTo(kind);
        assertThat(f.evidence()).extracting(NatEvidence::sign).containsExactlyElementsOf(signs);
        assertThat(f.evidence()).allSatisfy(e -> assertThat(e.text()).endsWith(".").hasSizeGreaterThan(20));
        assertThat(f.actions()).as("actions are the registrar's policy, not the detector's").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sightings")
    void evidenceNamesTheAddressesSeen(String name, RegistrationSighting sighting, NatKind kind, List<Sign> signs) {
        NatFinding f = RegistrationNatDetector.examine(sighting);
        if (f.saw(CONTACT_NOT_SOURCE)) {
            assertThat(f.evidence().stream().filter(e -> e.sign() == CONTACT_NOT_SOURCE).findFirst().orElseThrow()
                    .text()).contains(sighting.source().host()).contains(sighting.contact().host());
        }
        if (f.saw(PORT_NOT_PRESERVED)) {
            assertThat(f.evidence().stream().filter(e -> e.sign() == PORT_NOT_PRESERVED).findFirst().orElseThrow()
                    .text()).contains(Integer.toString(sighting.source().port()));
        }
    }

    private static Arguments row(String name, String transport, String source, String via, String contact,
                                 String previous, NatKind kind, Sign... signs) {
        return Arguments.of(name, new RegistrationSighting(transport, Endpoint.parse(source).orElseThrow(),
                Endpoint.parse(via), Endpoint.parse(contact).orElseThrow(), Endpoint.parse(previous)), kind,
                List.of(signs));
    }
}
