package com.crosspoint.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.events.RegistrationEvent;
import com.crosspoint.events.RegistrationEvent.Kind;
import com.crosspoint.model.Binding;
import com.crosspoint.nat.NatEvidence;
import gov.nist.javax.sip.stack.HopImpl;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Failed TCP/TLS flows: asked of the open connections when a request would leave, noted once per failure. */
class FlowFailuresTest {
    private final Set<String> open = new HashSet<>();
    private final FlowFailures failures = new FlowFailures((host, port) -> open.contains(host + ":" + port),
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final List<Map.Entry<Binding, NatEvidence>> notes = new ArrayList<>();

    FlowFailuresTest() {
        failures.noteTo((b, note) -> notes.add(Map.entry(b, note)));
    }

    @Test
    void aStreamBindingFailsWhenItsConnectionClosesAndIsNotedOnce() {
        open.add("192.0.2.7:40001");
        Binding phone = binding("sip:1001@t", "sip:a@10.0.0.5:5062;transport=tcp;ob", "TCP", "192.0.2.7:40001");
        failures.onEvent(event(Kind.ADDED, phone));
        assertThat(failures.failed(phone)).isFalse();
        assertThat(failures.check()).isZero();

        open.remove("192.0.2.7:40001");
        assertThat(failures.failed(phone)).as("known at once, before any check").isTrue();
        assertThat(failures.check()).isEqualTo(1);
        assertThat(failures.check()).as("noted once").isZero();
        assertThat(notes).singleElement().satisfies(n -> {
            assertThat(n.getKey()).isEqualTo(phone);
            assertThat(n.getValue().sign()).isEqualTo(NatEvidence.Sign.FLOW_FAILED);
            assertThat(n.getValue().text()).contains("TCP connection from 192.0.2.7:40001");
        });
    }

    @Test
    void everyBindingOfAClosedConnectionIsNoted() {
        Binding line1 = binding("sip:1001@t", "sip:a@10.0.0.5;transport=tls", "TLS", "192.0.2.7:40001");
        Binding line2 = binding("sip:1002@t", "sip:b@10.0.0.5;transport=tls", "TLS", "192.0.2.7:40001");
        failures.onEvent(event(Kind.ADDED, line1));
        failures.onEvent(event(Kind.ADDED, line2));

        assertThat(failures.check()).isEqualTo(1);
        assertThat(notes).extracting(Map.Entry::getKey).containsExactlyInAnyOrder(line1, line2);
    }

    @Test
    void aRegistrationOverANewConnectionRestoresTheBindingAndLeavesTheOldSource() {
        Binding before = binding("sip:1001@t", "sip:a@10.0.0.5;transport=tcp", "TCP", "192.0.2.7:40001");
        failures.onEvent(event(Kind.ADDED, before));
        failures.check();
        assertThat(failures.failed(before)).isTrue();

        open.add("192.0.2.7:40002");
        Binding after = binding("sip:1001@t", "sip:a@10.0.0.5;transport=tcp", "TCP", "192.0.2.7:40002");
        failures.onEvent(event(Kind.REFRESHED, after));
        assertThat(failures.failed(after)).isFalse();
        assertThat(failures.size()).as("the old connection is no longer watched").isEqualTo(1);
    }

    @Test
    void removedBindingsAreForgottenAndUdpOnesNeverWatched() {
        Binding tcp = binding("sip:1001@t", "sip:a@10.0.0.5;transport=tcp", "TCP", "192.0.2.7:40001");
        Binding udp = binding("sip:1001@t", "sip:a@10.0.0.5", "UDP", "192.0.2.7:5060");
        failures.onEvent(event(Kind.ADDED, tcp));
        failures.onEvent(event(Kind.ADDED, udp));
        assertThat(FlowFailures.concerns(event(Kind.ADDED, udp))).isFalse();
        assertThat(failures.failed(udp)).as("a UDP flow has no connection to lose").isFalse();
        assertThat(failures.size()).isEqualTo(1);

        failures.onEvent(event(Kind.EXPIRED, tcp));
        assertThat(failures.size()).isZero();
        assertThat(failures.check()).isZero();
    }

    @Test
    void onlyStreamHopsWhoseConnectionClosedHaveFailed() {
        open.add("192.0.2.7:40001");
        assertThat(failures.failed(new HopImpl("192.0.2.7", 40001, "tcp"))).isFalse();
        assertThat(failures.failed(new HopImpl("192.0.2.7", 40002, "tcp"))).isTrue();
        assertThat(failures.failed(new HopImpl("192.0.2.7", 40002, "udp"))).isFalse();
    }

    private static RegistrationEvent event(Kind kind, Binding b) {
        return new RegistrationEvent(kind, b, Instant.EPOCH);
    }

    private static Binding binding(String aor, String contact, String transport, String source) {
        return new Binding(1, 1, 1, aor, contact, "cid", 1, Instant.parse("2030-01-01T00:00:00Z"), transport, source,
                "test", Instant.EPOCH);
    }
}
