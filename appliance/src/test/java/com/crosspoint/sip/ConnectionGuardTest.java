package com.crosspoint.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.events.RegistrationEvent;
import com.crosspoint.model.Binding;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Connections per source and idle connections, with connections and a clock the test drives. */
class ConnectionGuardTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final FlowTable flows = new FlowTable();
    private final EdgeRefusals refusals = new EdgeRefusals(Duration.ofMinutes(1), System::currentTimeMillis, line -> { });
    private final ConnectionGuard guard = new ConnectionGuard(2, 10_000, flows, refusals, now::get);

    @Test
    void aSourceHoldsItsShareAndNoMore() {
        FakeConnection a = new FakeConnection("192.0.2.1", 1);
        FakeConnection b = new FakeConnection("192.0.2.1", 2);
        assertThat(guard.admit(a)).isTrue();
        assertThat(guard.admit(b)).isTrue();
        assertThat(guard.admit(new FakeConnection("192.0.2.1", 3))).isFalse();
        assertThat(guard.admit(new FakeConnection("192.0.2.2", 1))).as("another source").isTrue();

        a.close(); // a closed connection frees its place
        assertThat(guard.admit(new FakeConnection("192.0.2.1", 4))).isTrue();
        assertThat(refusals.snapshot()).containsEntry(EdgeRefusals.Reason.TCP_CONNECTIONS_PER_SOURCE, 1L);
    }

    @Test
    void aConnectionIsOpenUntilItClosesAndOnlyItsOwnPortCounts() {
        FakeConnection phone = new FakeConnection("192.0.2.2", 5070);
        guard.admit(phone);
        assertThat(guard.open("192.0.2.2", 5070)).isTrue();
        assertThat(guard.open("192.0.2.2", 5071)).isFalse();
        assertThat(guard.open("192.0.2.3", 5070)).isFalse();

        phone.close();
        assertThat(guard.open("192.0.2.2", 5070)).isFalse();
    }

    @Test
    void idleConnectionsAreClosedUnlessAPhoneRegisteredOverThem() {
        FakeConnection scanner = new FakeConnection("192.0.2.1", 1);
        FakeConnection phone = new FakeConnection("192.0.2.2", 5070);
        FakeConnection busy = new FakeConnection("192.0.2.3", 1);
        guard.admit(scanner);
        guard.admit(phone);
        guard.admit(busy);
        flows.onEvent(new RegistrationEvent(RegistrationEvent.Kind.ADDED, binding("192.0.2.2:5070"), Instant.EPOCH));

        now.addAndGet(9_999);
        assertThat(guard.closeIdle()).isZero();
        busy.lastActivity = now.get();
        now.addAndGet(1);
        assertThat(guard.closeIdle()).isEqualTo(1);
        assertThat(scanner.open).isFalse();
        assertThat(phone.open).isTrue();
        assertThat(busy.open).isTrue();
        assertThat(refusals.snapshot()).containsEntry(EdgeRefusals.Reason.TCP_IDLE_CLOSED, 1L);
    }

    private static Binding binding(String source) {
        return new Binding(1, 1, 1, "sip:1001@t.example", "sip:1001@192.0.2.2:5070;transport=tcp", "c", 1,
                Instant.EPOCH.plusSeconds(3600), "TCP", source, null, Instant.EPOCH);
    }

    private final class FakeConnection implements ConnectionGuard.Connection {
        private final String host;
        private final int port;
        private boolean open = true;
        private long lastActivity = now.get();

        FakeConnection(String host, int port) {
            this.host = host;
            this.port = port;
        }

        @Override
        public String host() {
            return host;
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public long lastActivityMillis() {
            return lastActivity;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
