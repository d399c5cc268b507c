package com.crosspoint.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.events.EventBus;
import com.crosspoint.events.RegistrationEvent;
import com.crosspoint.model.Binding;
import com.crosspoint.nat.FlowToken;
import com.crosspoint.nat.NatAction;
import com.crosspoint.nat.NatEvidence;
import com.crosspoint.nat.NatKind;
import com.crosspoint.registrar.RegisterRequest.ContactSpec;
import com.crosspoint.store.BindingStore;
import com.crosspoint.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registrar's NAT step: findings per binding, the short expiry of NATed UDP phones, outbound flows, Path. */
class RegistrarNatTest {
    private static final String AOR = "sip:1001@t.example";
    private static final String PRIVATE_CONTACT = "sip:1001-x@192.168.77.10:5060";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Rows store = new Rows();
    private final BindingJournal journal = new BindingJournal(store);
    private final EventBus events = new EventBus(100);
    private final List<RegistrationEvent> seen = new CopyOnWriteArrayList<>();
    private final Registrar registrar = new Registrar(journal, events, new RegistrarPolicy(60, 3600, 600, 3),
            new NatPolicy(60, 20), clock);

    RegistrarNatTest() {
        events.subscribe("test", e -> {
            if (e instanceof RegistrationEvent r) {
                seen.add(r);
            }
        });
    }

    @AfterEach
    void close() {
        journal.close();
        events.close();
    }

    @Test
    void natedUdpPhoneGetsTheShortExpiryFlowRoutingAndPings() {
        accepted(register("UDP", "10.200.0.2:17706", "192.168.77.10:5060", 3600L, spec(PRIVATE_CONTACT)));

        Binding b = registrar.lookup(AOR).get(0);
        assertThat(Duration.between(clock.instant(), b.expiresAt())).isEqualTo(Duration.ofSeconds(60));
        assertThat(registrar.natOf(b).kind()).isEqualTo(NatKind.NAT_PORT_CHANGING);
        assertThat(registrar.natOf(b).actions())
                .containsExactly(NatAction.FLOW_ROUTING, NatAction.SHORT_EXPIRY, NatAction.KEEPALIVE_PINGS,
                        NatAction.ANCHORED);
        assertThat(awaitEvent().nat()).isEqualTo(registrar.natOf(b));
    }

    @Test
    void phoneReachedWhereItSaysGetsWhatItAskedAndNoActions() {
        accepted(register("UDP", "10.200.0.21:5060", "10.200.0.21:5060", 300L, spec("sip:1003@10.200.0.21:5060")));

        Binding b = registrar.lookup(AOR).get(0);
        assertThat(Duration.between(clock.instant(), b.expiresAt())).isEqualTo(Duration.ofSeconds(300));
        assertThat(registrar.natOf(b).kind()).isEqualTo(NatKind.NONE);
        assertThat(registrar.natOf(b).summary()).isEqualTo("no NAT, not anchored");
    }

    @Test
    void natedTcpPhoneKeepsItsIntervalAndIsNotPinged() {
        accepted(register("TCP", "203.0.113.7:50123", "192.168.1.20:5060", 600L,
                spec("sip:1001@192.168.1.20:5060;transport=tcp")));

        Binding b = registrar.lookup(AOR).get(0);
        assertThat(Duration.between(clock.instant(), b.expiresAt())).isEqualTo(Duration.ofSeconds(600));
        assertThat(registrar.natOf(b).actions()).containsExactly(NatAction.FLOW_ROUTING, NatAction.ANCHORED);
    }

    @Test
    void aMappingThatChangesBetweenRegistersIsFound() {
        accepted(register("UDP", "203.0.113.7:5060", "192.168.1.20:5060", 60L, spec("sip:a@192.168.1.20:5060")));
        assertThat(registrar.natOf(registrar.lookup(AOR).get(0)).kind()).isEqualTo(NatKind.NAT);

        RegisterRequest again = new RegisterRequest(1, 1, 1, AOR, List.of(spec("sip:a@192.168.1.20:5060")), false, 60L,
                "cid", 2, "UDP", "203.0.113.7:5071", "test", "192.168.1.20:5060", List.of(), false);
        accepted(registrar.register(again));

        Binding b = registrar.lookup(AOR).get(0);
        assertThat(b.source()).isEqualTo("203.0.113.7:5071");
        assertThat(registrar.natOf(b).kind()).isEqualTo(NatKind.NAT_PORT_CHANGING);
        assertThat(registrar.natOf(b).saw(NatEvidence.Sign.MAPPING_CHANGED)).isTrue();
    }

    @Test
    void outboundRegistrationWithTheSameInstanceAndRegIdReplacesTheOldFlow() {
        String instance = "<urn:uuid:00000000-0000-0000-0000-000000000001>";
        accepted(registrar.register(new RegisterRequest(1, 1, 1, AOR,
                List.of(new ContactSpec("sip:a@192.168.1.20:5062;transport=tcp;ob", null, instance, 1)), false, 600L,
                "cid-1", 1, "TCP", "203.0.113.7:40001", "test", "192.168.1.20:5062", List.of(), true)));
        accepted(registrar.register(new RegisterRequest(1, 1, 1, AOR,
                List.of(new ContactSpec("sip:a@192.168.1.20:5999;transport=tcp;ob", null, instance, 1)), false, 600L,
                "cid-2", 1, "TCP", "203.0.113.7:40002", "test", "192.168.1.20:5999", List.of(), true)));

        assertThat(registrar.lookup(AOR)).singleElement().satisfies(b -> {
            assertThat(b.source()).isEqualTo("203.0.113.7:40002");
            assertThat(b.instanceId()).isEqualTo(instance);
            assertThat(b.regId()).isEqualTo(1);
            assertThat(registrar.natOf(b).actions()).contains(NatAction.OUTBOUND_FLOW);
        });
        assertThat(store.rows).singleElement().extracting(Binding::regId).isEqualTo(1);
    }

    @Test
    void regIdWithoutSupportedOutboundIsIgnored() {
        accepted(registrar.register(new RegisterRequest(1, 1, 1, AOR,
                List.of(new ContactSpec("sip:a@192.0.2.1:5062;transport=tcp", null, "<urn:uuid:1>", 1)), false, 600L,
                "cid-1", 1, "TCP", "192.0.2.1:40001", "test", "192.0.2.1:5062", List.of(), false)));
        Binding b = registrar.lookup(AOR).get(0);
        assertThat(b.outbound()).isFalse();
        assertThat(registrar.natOf(b).actions()).doesNotContain(NatAction.OUTBOUND_FLOW);
    }

    @Test
    void pathIsStoredWithTheBindingAndReported() {
        accepted(registrar.register(new RegisterRequest(1, 1, 1, AOR, List.of(spec("sip:a@192.0.2.5:5060")), false,
                600L, "cid", 1, "UDP", "192.0.2.1:5060", "test", "192.0.2.1:5060", List.of("<sip:edge.example;lr>"),
                false)));
        Binding b = registrar.lookup(AOR).get(0);
        assertThat(b.path()).containsExactly("<sip:edge.example;lr>");
        assertThat(store.rows.get(0).path()).containsExactly("<sip:edge.example;lr>");
        assertThat(registrar.natOf(b).actions()).contains(NatAction.PATH_ROUTE);
    }

    @Test
    void unansweredPingsAreNotedWithoutRemovingTheBindingAndClearedByAnAnswer() {
        accepted(register("UDP", "10.200.0.2:17706", "192.168.77.10:5060", 60L, spec(PRIVATE_CONTACT)));
        Binding b = registrar.lookup(AOR).get(0);

        registrar.notePings(b, Optional.of(new NatEvidence(NatEvidence.Sign.PINGS_UNANSWERED, "3 pings unanswered.")));
        assertThat(registrar.natOf(b).saw(NatEvidence.Sign.PINGS_UNANSWERED)).isTrue();
        assertThat(registrar.lookup(AOR)).hasSize(1);

        registrar.notePings(b, Optional.empty());
        assertThat(registrar.natOf(b).saw(NatEvidence.Sign.PINGS_UNANSWERED)).isFalse();
    }

    @Test
    void aNatedUdpBindingIsNamedByItsFlowFromTheMappingToTheAppliance() {
        accepted(registrar.register(new RegisterRequest(1, 1, 1, AOR, List.of(spec(PRIVATE_CONTACT)), false, 60L,
                "cid", 1, "UDP", "10.200.0.2:17706", "test", "192.168.77.10:5060", List.of(), false,
                "10.200.0.1:5060")));

        Binding b = registrar.lookup(AOR).get(0);
        assertThat(registrar.natOf(b).flow()).map(FlowToken::text)
                .contains("udp 10.200.0.2:17706 \u2192 10.200.0.1:5060");
    }

    @Test
    void aTcpBindingHasAFlowEvenWithoutNatAndADirectUdpOneHasNone() {
        accepted(registrar.register(new RegisterRequest(1, 1, 1, AOR,
                List.of(spec("sip:a@192.0.2.7:5070;transport=tcp")), false, 600L, "cid", 1, "TCP", "192.0.2.7:40123",
                "test", "192.0.2.7:5070", List.of(), false, "192.0.2.1:5060")));
        accepted(registrar.register(new RegisterRequest(1, 1, 1, AOR, List.of(spec("sip:b@192.0.2.8:5060")), false,
                600L, "cid-2", 1, "UDP", "192.0.2.8:5060", "test", "192.0.2.8:5060", List.of(), false,
                "192.0.2.1:5060")));

        Binding tcp = registrar.lookup(AOR).stream().filter(b -> b.transport().equals("TCP")).findFirst().orElseThrow();
        Binding udp = registrar.lookup(AOR).stream().filter(b -> b.transport().equals("UDP")).findFirst().orElseThrow();
        assertThat(registrar.natOf(tcp).flow()).map(FlowToken::text).contains("tcp 192.0.2.7:40123 \u2192 192.0.2.1:5060");
        assertThat(registrar.natOf(udp).flow()).isEmpty();
    }

    @Test
    void aFailedFlowIsNotedUntilTheDeviceRegistersOverANewConnection() {
        String contact = "sip:a@192.168.1.20:5062;transport=tcp;ob";
        accepted(registrar.register(new RegisterRequest(1, 1, 1, AOR, List.of(spec(contact)), false, 600L, "cid", 1,
                "TCP", "203.0.113.7:40001", "test", "192.168.1.20:5062", List.of(), false, "192.0.2.1:5060")));
        Binding b = registrar.lookup(AOR).get(0);

        registrar.noteFlowFailed(b, new NatEvidence(NatEvidence.Sign.FLOW_FAILED, "The connection closed."));
        assertThat(registrar.natOf(b).saw(NatEvidence.Sign.FLOW_FAILED)).isTrue();
        assertThat(registrar.lookup(AOR)).as("the binding stays until it expires").hasSize(1);

        accepted(registrar.register(new RegisterRequest(1, 1, 1, AOR, List.of(spec(contact)), false, 600L, "cid", 2,
                "TCP", "203.0.113.7:40002", "test", "192.168.1.20:5062", List.of(), false, "192.0.2.1:5060")));
        Binding again = registrar.lookup(AOR).get(0);
        assertThat(registrar.natOf(again).saw(NatEvidence.Sign.FLOW_FAILED)).isFalse();
        assertThat(registrar.natOf(again).flow()).map(FlowToken::text).contains("tcp 203.0.113.7:40002 \u2192 192.0.2.1:5060");

        registrar.noteFlowFailed(b, new NatEvidence(NatEvidence.Sign.FLOW_FAILED, "The old connection closed late."));
        assertThat(registrar.natOf(again).saw(NatEvidence.Sign.FLOW_FAILED))
                .as("a late note about the replaced flow leaves the new one alone").isFalse();
    }

    @Test
    void onlyAFlowFailureIsNotedAsOne() {
        accepted(register("UDP", "10.200.0.2:17706", "192.168.77.10:5060", 60L, spec(PRIVATE_CONTACT)));
        Binding b = registrar.lookup(AOR).get(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> registrar.noteFlowFailed(b,
                        new NatEvidence(NatEvidence.Sign.PINGS_UNANSWERED, "3 pings unanswered.")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FLOW_FAILED");
    }

    @Test
    void restoredBindingsAreJudgedFromTheirRow() {
        accepted(register("UDP", "10.200.0.2:17706", "192.168.77.10:5060", 60L, spec(PRIVATE_CONTACT)));
        Registrar restarted = new Registrar(journal, events, new RegistrarPolicy(60, 3600, 600, 3),
                new NatPolicy(60, 20), clock);
        restarted.restore(store);

        Binding b = restarted.lookup(AOR).get(0);
        assertThat(restarted.natOf(b).kind()).isEqualTo(NatKind.NAT_PORT_CHANGING);
        assertThat(restarted.natOf(b).actions()).contains(NatAction.FLOW_ROUTING, NatAction.KEEPALIVE_PINGS);
        assertThat(restarted.natOf(b).flow()).as("the appliance's end is not stored").map(FlowToken::text)
                .contains("udp 10.200.0.2:17706");
    }

    private RegistrationEvent awaitEvent() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (seen.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(seen).isNotEmpty();
        return seen.get(0);
    }

    private RegisterOutcome register(String transport, String source, String via, Long expires, ContactSpec contact) {
        return registrar.register(new RegisterRequest(1, 1, 1, AOR, List.of(contact), false, expires, "cid", 1,
                transport, source, "test", via, List.of(), false));
    }

    private static ContactSpec spec(String uri) {
        return new ContactSpec(uri, null);
    }

    private static void accepted(RegisterOutcome o) {
        assertThat(o).isInstanceOf(RegisterOutcome.Accepted.class);
        ((RegisterOutcome.Accepted) o).committed().join();
    }

    /** Enough of a store for the registrar's write-through. */
    private static final class Rows implements BindingStore {
        final List<Binding> rows = new CopyOnWriteArrayList<>();

        @Override
        public synchronized void apply(Collection<Binding> upserts, Collection<BindingKey> removals) {
            for (Binding b : upserts) {
                rows.removeIf(r -> r.aor().equals(b.aor()) && r.contact().equals(b.contact()));
                rows.add(b);
            }
            rows.removeIf(r -> removals.contains(new BindingKey(r.aor(), r.contact())));
        }

        @Override
        public List<Binding> listAll() {
            return new ArrayList<>(rows);
        }
    }
}
